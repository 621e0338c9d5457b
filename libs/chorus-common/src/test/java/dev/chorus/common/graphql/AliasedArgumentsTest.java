package dev.chorus.common.graphql;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import graphql.parser.Parser;

class AliasedArgumentsTest {
    private static String conflict(String query) {
        return AliasedArguments.conflict(Parser.parse(query));
    }

    @Test
    void differentArgumentsBelowTheRootConflict() {
        assertNotNull(conflict("{ event(id: 1) { a: registrations(status: CONFIRMED) { n } b: registrations(status: WAITLISTED) { n } } }"));
        assertNotNull(conflict("{ e { ...F } } fragment F on Event { a: r(x: 1) b: r(x: 2) }"));
        assertNotNull(conflict("{ e { a: r(x: 1) ...F } } fragment F on Event { b: r(x: 2) }"));
        assertNotNull(conflict("{ _entities(representations: []) { ... on Creator { a: works(first: 1) { n } b: works(first: 2) { n } } } }"));
        assertNotNull(conflict("{ e { f { g { a: h(x: 1) b: h(x: 2) } } } }"), "at any depth");
        assertNotNull(conflict("mutation { m { a: r(x: 1) b: r(x: $v) } }"));
    }

    @Test
    void sameArgumentsRootFieldsAndOtherTypesDoNot() {
        assertNull(conflict("{ e { a: r(x: 1) b: r(x: 1) } }"));
        assertNull(conflict("{ e { a: r(y: 2, x: 1) b: r(x: 1, y: 2) } }"), "argument order does not matter");
        assertNull(conflict("{ a: events(first: 1) { n } b: events(first: 2) { n } }"));
        assertNull(conflict("{ e { ... on Work { a: r(x: 1) } ... on Album { b: r(x: 2) } } }"));
        assertNull(conflict("{ a: e { r(x: 1) } b: e { r(x: 2) } }"), "each parent's selection is its own");
    }
}
