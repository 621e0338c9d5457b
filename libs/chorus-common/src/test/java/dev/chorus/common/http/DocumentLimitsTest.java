package dev.chorus.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.parser.Parser;

class DocumentLimitsTest {
    static final DocumentLimits LIMITS = new DocumentLimits(4, 3, 2,
            Map.of("Creator", java.util.Set.of("id"), "Work", java.util.Set.of("ref")));

    static String check(String query, Map<String, Object> variables) {
        return LIMITS.violation(new Parser().parseDocument(query), null, variables);
    }

    @Test
    void depthCountsFieldsThroughFragmentsButNotTheFragmentsThemselves() {
        assertNull(check("{ a { b { c { d } } } }", Map.of()));
        assertTrue(check("{ a { b { c { d { e } } } } }", Map.of()).contains("5 fields deep"));
        assertTrue(check("{ a { ...F } } fragment F on T { b { c { d { e } } } }", Map.of()).contains("5 fields deep"));
        assertNull(check("{ a { ... on T { b { ... on U { c } } } } }", Map.of()));
    }

    @Test
    void aliasesAreCountedEverywhereFragmentsIncluded() {
        assertNull(check("{ x: a y: a z: a }", Map.of()));
        assertTrue(check("{ x: a y: a z: a w: a }", Map.of()).contains("4 aliases"));
        assertTrue(check("{ x: a ...F ...F } fragment F on Q { y: a z: a }", Map.of()).contains("aliases"));
    }

    @Test
    void aFragmentCycleDoesNotLoop() {
        assertNull(check("{ ...A } fragment A on Q { ...B } fragment B on Q { ...A }", Map.of()));
    }

    @Test
    void representationsAreBoundedAndEachNamesATypeAndAStringId() {
        String query = "query($r: [_Any!]!) { _entities(representations: $r) { __typename } }";
        assertNull(check(query, Map.of("r", List.of(Map.of("__typename", "Creator", "id", "1")))));
        assertTrue(check(query, Map.of("r", List.of(Map.of("__typename", "Creator", "id", "1"),
                Map.of("__typename", "Creator", "id", "2"), Map.of("__typename", "Creator", "id", "3"))))
                .contains("At most 2"));
        assertTrue(check(query, Map.of("r", List.of(Map.of("__typename", "Creator", "id", "1", "extra", 1))))
                .contains("[0]"));
        assertTrue(check(query, Map.of("r", List.of(Map.of("id", "1")))).contains("[0] must have a string __typename"));
        assertTrue(check(query, Map.of("r", List.of(Map.of("__typename", "Creator", "id", 1)))).contains("[0]"));
        assertTrue(check(query, Map.of("r", List.of(Map.of("__typename", "Creator", "id", Map.of())))).contains("[0]"));
        assertTrue(check(query, Map.of("r", List.of("Creator"))).contains("[0]"));
        assertTrue(check(query, Map.of("r", "x")).contains("must be a list"));
        assertTrue(check(query, Map.of()).contains("must be a list"));
        assertEquals("representations[0].__typename must be one of [Creator, Work]",
                check(query, Map.of("r", List.of(Map.of("__typename", "Nope", "id", "1")))));
        assertEquals("representations[0] of Work must hold exactly its key, a string ref",
                check(query, Map.of("r", List.of(Map.of("__typename", "Work", "id", "1")))));
        assertNull(check(query, Map.of("r", List.of(Map.of("__typename", "Work", "ref", "1")))));
        assertTrue(check(query, Map.of("r", List.of(Map.of("__typename", "Creator", "id", "1", "extra", 1))))
                .contains("[0]"));
        assertTrue(check("{ _entities(representations: [{__typename: \"Creator\", id: 1}]) { __typename } }",
                Map.of()).contains("[0]"));
        assertNull(check("{ _entities(representations: [{__typename: \"Creator\", id: \"1\"}]) { __typename } }",
                Map.of()));
        String elements = "query($a: _Any!) { _entities(representations: [$a]) { __typename } }";
        assertNull(check(elements, Map.of("a", Map.of("__typename", "Creator", "id", "1"))));
        assertTrue(check(elements, Map.of("a", Map.of("__typename", "Creator"))).contains("[0]"));
    }
}
