package dev.chorus.common.graphql;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;

class StrictScalarsTest {
    static final StrictScalars.Check INT = StrictScalars.checkFor("Int");
    static final StrictScalars.Check DECIMAL = StrictScalars.checkFor("BigDecimal");
    static final StrictScalars.Check DATE = StrictScalars.checkFor("Date");
    static final StrictScalars.Check DATE_TIME = StrictScalars.checkFor("DateTime");

    @Test
    void anIntIsAnIntegralNumberWithin32Bits() {
        for (Object ok : new Object[] { 0, -5, Integer.MAX_VALUE, Integer.MIN_VALUE, 7L, new BigDecimal("12.000"),
                new BigInteger("42"), 3.0 }) {
            assertNull(INT.value(ok), String.valueOf(ok));
        }
        for (Object refused : new Object[] { new BigDecimal("9223372036854775808"), 1.5, 1e300,
                new BigDecimal("2147483648"), -2147483649L, "12", true, Map.of(), List.of(1), Double.NaN,
                Double.POSITIVE_INFINITY, new BigDecimal("1e300") }) {
            assertNotNull(INT.value(refused), String.valueOf(refused));
        }
        assertNull(INT.literal(new IntValue(BigInteger.valueOf(100))));
        assertNotNull(INT.literal(new IntValue(BigInteger.TWO.pow(63))));
        assertNotNull(INT.literal(new FloatValue(new BigDecimal("1.5"))));
        assertNotNull(INT.literal(new StringValue("1")));
    }

    @Test
    void aDecimalIsAFiniteNumberOfSaneSize() {
        assertNull(DECIMAL.value(new BigDecimal("33.33")));
        assertNull(DECIMAL.value("50.5"));
        assertNull(DECIMAL.value(100));
        assertNotNull(DECIMAL.value("1e999999999"));
        assertNotNull(DECIMAL.value(new BigDecimal("1e-999")));
        assertNotNull(DECIMAL.value("fifty"));
        assertNotNull(DECIMAL.value(true));
        assertNull(DECIMAL.literal(new FloatValue(new BigDecimal("12.5"))));
        assertNotNull(DECIMAL.literal(new FloatValue(new BigDecimal("1e300"))));
    }

    @Test
    void datesAreIsoInTheYears1To9999() {
        assertNull(DATE.value("2026-12-10"));
        for (Object refused : new Object[] { "2026-13-01", "2026-02-30", "+10000-01-01", "0000-01-01", "10/12/2026",
                "2026-12-10T00:00:00Z", 20261210, "" }) {
            assertNotNull(DATE.value(refused), String.valueOf(refused));
        }
        assertNull(DATE_TIME.value("2026-12-10T19:30:00+08:00"));
        assertNull(DATE_TIME.value("2026-12-10T11:30:00Z"));
        for (Object refused : new Object[] { "+10000-12-10T19:30:00Z", "2026-12-10", "tomorrow", "2026-12-10T25:00:00Z",
                1_700_000_000 }) {
            assertNotNull(DATE_TIME.value(refused), String.valueOf(refused));
        }
    }

    @Test
    void concurrentFirstRequestsShareOneTransformedSchemaThatValidatesItsOwnInputs() throws Exception {
        graphql.schema.GraphQLSchema schema = graphql.schema.idl.UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new graphql.schema.idl.SchemaParser().parse("""
                        input CreateWorkInput { title: String! durationSeconds: Int! released: Date credits: [CreditInput!] }
                        input CreditInput { creatorId: ID! position: Int }
                        scalar Date
                        type Work { id: ID! }
                        type Query { work(id: ID!): Work }
                        type Mutation { createWork(input: CreateWorkInput!): Work }
                        """));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<graphql.schema.GraphQLSchema>> made = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                made.add(pool.submit(() -> {
                    start.await();
                    return StrictScalars.of(schema);
                }));
            }
            start.countDown();
            graphql.schema.GraphQLSchema first = made.get(0).get();
            for (var each : made) {
                org.junit.jupiter.api.Assertions.assertSame(first, each.get());
            }
            var document = new graphql.parser.Parser().parseDocument(
                    "mutation($i: CreateWorkInput!) { createWork(input: $i) { id } }");
            org.junit.jupiter.api.Assertions.assertEquals(List.of(),
                    new graphql.validation.Validator().validateDocument(first, document, java.util.Locale.ROOT));
        } finally {
            pool.shutdownNow();
        }
    }
}
