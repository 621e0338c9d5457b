package dev.chorus.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GraphQLRequestsTest {

    @Test
    void nestingIgnoresBracketsInsideStrings() {
        assertEquals(1, GraphQLRequests.nesting("{\"query\":\"{ a { b { c } } } [[[\"}"));
        assertEquals(3, GraphQLRequests.nesting("{\"v\":{\"a\":[1,2]}}"));
        assertEquals(1, GraphQLRequests.nesting("{\"q\":\"\\\"{{{\\\"\"}"));
        assertEquals(10_000, GraphQLRequests.nesting("[".repeat(10_000)));
    }

    @Test
    void aLoneSurrogateIsFoundAPairIsNot() {
        assertFalse(dev.chorus.common.input.Inputs.hasLoneSurrogate("林夏 🎵"));
        assertTrue(dev.chorus.common.input.Inputs.hasLoneSurrogate("a\uD800b"));
        assertTrue(dev.chorus.common.input.Inputs.hasLoneSurrogate("\uDC00"));
        assertTrue(dev.chorus.common.input.Inputs.hasLoneSurrogate("x\uD83C"));
    }

    @Test
    void onlyJsonInUtf8IsAccepted() {
        assertNull(GraphQLRequests.contentTypeRefusal("application/json"));
        assertNull(GraphQLRequests.contentTypeRefusal("Application/JSON; charset=UTF-8"));
        assertNull(GraphQLRequests.contentTypeRefusal("application/json;charset=\"utf-8\""));
        for (String refused : new String[] { null, "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/graphql", "application/json; charset=latin1",
                "application/jsonx" }) {
            assertNotNull(GraphQLRequests.contentTypeRefusal(refused), String.valueOf(refused));
        }
    }

    @Test
    void theAnswerIsJsonUnlessGraphQLResponseJsonIsPreferred() {
        assertEquals("application/json", GraphQLRequests.responseType(null));
        assertEquals("application/json", GraphQLRequests.responseType("*/*"));
        assertEquals("application/json", GraphQLRequests.responseType("application/json, text/plain"));
        assertEquals("application/graphql-response+json",
                GraphQLRequests.responseType("application/graphql-response+json, application/json;q=0.9"));
        assertEquals("application/graphql-response+json",
                GraphQLRequests.responseType("application/json, application/graphql-response+json"));
        assertEquals("application/json",
                GraphQLRequests.responseType("application/graphql-response+json;q=0.5, application/json"));
        assertNull(GraphQLRequests.responseType("text/html"));
        assertNull(GraphQLRequests.responseType("application/json;q=0"));
        assertNull(GraphQLRequests.responseType("application/xml, text/*"));
    }
}
