package dev.chorus.events;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.chorus.test.HostileInputs;
import dev.chorus.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Hostile values for every argument of this service's schema, and a broken protocol: see {@link HostileInputs}. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class HostileInputTest {
    @TestHTTPResource("/graphql")
    URI endpoint;

    @Test
    void everyHostileRequestGetsACodedRefusalAndChangesNothing() throws Exception {
        HostileInputs.assertRefusedCleanly(endpoint);
    }
}
