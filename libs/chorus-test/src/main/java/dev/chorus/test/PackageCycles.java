package dev.chorus.test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * A service's feature packages ({@code dev.chorus.<service>.<feature>}) depend on each other one way only: a
 * package cycle fails the test that calls {@link #assertNone}, naming the classes on the cycle.
 */
public final class PackageCycles {
    private PackageCycles() {
    }

    /** Fails when two feature packages under {@code root} (e.g. {@code dev.chorus.creator}) import each other. */
    public static void assertNone(String root) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found under " + root + ": the test would prove nothing");
        }
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
