package dev.chorus.common.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.IdentityHashMap;
import java.util.Map;

import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Input values are refused, never silently changed. SmallRye GraphQL's number scalars accept any number or string
 * for an {@code Int} and then truncate it (2^63 became 192, 1.5 became 1, 1e300 became 0), and its date scalars
 * pass on any string to a later conversion whose error names Java classes. Here every input scalar is checked
 * where GraphQL coerces it, before SmallRye's own coercing runs: an {@code Int} is an integral number within 32
 * bits, a {@code BigInteger} an integral number within 64 bits, a {@code Float} or {@code BigDecimal} a finite number
 * of sane magnitude (a {@code BigDecimal} may also be a numeric string), a {@code Date} {@code yyyy-MM-dd} and a
 * {@code DateTime} an ISO 8601 date-time, both in the years 1 to 9999. A refusal is a variable or literal error
 * (BAD_USER_INPUT) naming the value's place.
 */
public final class StrictScalars {
    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    /** Decimal exponents beyond this are refused: nothing in Chorus is that large or that precise. */
    static final int MAX_DECIMAL_EXPONENT = 30;

    private StrictScalars() {
    }

    private static final Map<GraphQLSchema, GraphQLSchema> TRANSFORMED = new IdentityHashMap<>();

    /**
     * The schema with every checked scalar's coercing wrapped; names, fields and fetchers unchanged. Made once per
     * schema: SmallRye GraphQL builds its GraphQL object lazily and without a lock, so concurrent first requests
     * come here together, and graphql-java's SchemaTransformer must not run twice at once over one schema (that
     * left input types that no longer matched their own variables: "Variable 'i' of type 'CreateWorkInput!' used
     * in position expecting type 'CreateWorkInput!'").
     */
    public static synchronized GraphQLSchema of(GraphQLSchema schema) {
        return TRANSFORMED.computeIfAbsent(schema, StrictScalars::transform);
    }

    private static GraphQLSchema transform(GraphQLSchema schema) {
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar,
                    TraverserContext<GraphQLSchemaElement> context) {
                Check check = checkFor(scalar.getName());
                if (check == null || scalar.getCoercing() instanceof Checked) {
                    return TraversalControl.CONTINUE;
                }
                @SuppressWarnings("unchecked")
                Coercing<Object, Object> original = (Coercing<Object, Object>) scalar.getCoercing();
                return changeNode(context, scalar.transform(b -> b.coercing(new Checked(original, check))));
            }
        });
    }

    /** A check of one scalar: null when the value is acceptable, else why not. */
    interface Check {
        String value(Object value);

        String literal(Object literal);
    }

    static Check checkFor(String scalar) {
        return switch (scalar) {
            case "Int" -> integral("an Int", INT_MIN, INT_MAX);
            case "BigInteger", "Long" -> integral("a whole number", LONG_MIN, LONG_MAX);
            case "Float", "BigDecimal" -> decimal(scalar.equals("BigDecimal"));
            case "Date" -> time("a date such as 2026-12-10", DateTimeFormatter.ISO_LOCAL_DATE);
            case "DateTime" -> time("a date-time with its offset such as 2026-12-10T19:30:00+08:00",
                    DateTimeFormatter.ISO_DATE_TIME);
            default -> null;
        };
    }

    static Check integral(String what, BigInteger min, BigInteger max) {
        return new Check() {
            @Override
            public String value(Object value) {
                BigDecimal number = number(value);
                return number == null ? "must be " + what + ", not " + describe(value) : integralInRange(number);
            }

            @Override
            public String literal(Object literal) {
                if (literal instanceof IntValue integer) {
                    return integralInRange(new BigDecimal(integer.getValue()));
                }
                return "must be " + what + ", not " + describe(literal);
            }

            private String integralInRange(BigDecimal number) {
                if (!isIntegral(number)) {
                    return "must be " + what + ", not a fraction";
                }
                BigInteger integer = number.toBigIntegerExact();
                if (integer.compareTo(min) < 0 || integer.compareTo(max) > 0) {
                    return "must be " + what + " between " + min + " and " + max;
                }
                return null;
            }
        };
    }

    static Check decimal(boolean stringsAllowed) {
        return new Check() {
            @Override
            public String value(Object value) {
                BigDecimal number = number(value);
                if (number == null && stringsAllowed && value instanceof String text) {
                    number = parse(text);
                }
                return number == null ? "must be a number, not " + describe(value) : sane(number);
            }

            @Override
            public String literal(Object literal) {
                if (literal instanceof IntValue integer) {
                    return sane(new BigDecimal(integer.getValue()));
                }
                if (literal instanceof FloatValue decimal) {
                    return sane(decimal.getValue());
                }
                if (stringsAllowed && literal instanceof StringValue text && parse(text.getValue()) != null) {
                    return sane(parse(text.getValue()));
                }
                return "must be a number, not " + describe(literal);
            }
        };
    }

    static Check time(String what, DateTimeFormatter format) {
        return new Check() {
            @Override
            public String value(Object value) {
                return value instanceof String text ? inRange(text) : "must be " + what + ", not " + describe(value);
            }

            @Override
            public String literal(Object literal) {
                return literal instanceof StringValue text ? inRange(text.getValue())
                        : "must be " + what + ", not " + describe(literal);
            }

            private String inRange(String text) {
                try {
                    TemporalAccessor parsed = format.parse(text);
                    int year = parsed.get(ChronoField.YEAR);
                    return year >= 1 && year <= 9999 ? null : "must be " + what + " in the years 1 to 9999";
                } catch (DateTimeException e) {
                    return "must be " + what;
                }
            }
        };
    }

    /** A JSON number as an exact decimal, or null when the value is not a finite number. */
    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(value.toString()) : null;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return null;
    }

    static BigDecimal parse(String text) {
        try {
            return text.length() > 100 ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String sane(BigDecimal number) {
        int exponent = number.precision() - number.scale() - 1;
        if (number.signum() != 0 && (exponent > MAX_DECIMAL_EXPONENT || number.scale() > 2 * MAX_DECIMAL_EXPONENT)) {
            return "must be a number of sane size, not " + number.toString();
        }
        return null;
    }

    static boolean isIntegral(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String || value instanceof StringValue) {
            return "a string";
        }
        if (value instanceof Boolean || value instanceof graphql.language.BooleanValue) {
            return "a boolean";
        }
        if (value instanceof Number || value instanceof IntValue || value instanceof FloatValue) {
            return "this number";
        }
        if (value instanceof java.util.Map || value instanceof graphql.language.ObjectValue) {
            return "an object";
        }
        if (value instanceof java.util.Collection || value instanceof graphql.language.ArrayValue) {
            return "a list";
        }
        return "this value";
    }

    /** The original coercing, behind the check. */
    @SuppressWarnings("deprecation")
    static final class Checked implements Coercing<Object, Object> {
        private final Coercing<Object, Object> original;
        private final Check check;

        Checked(Coercing<Object, Object> original, Check check) {
            this.original = original;
            this.check = check;
        }

        @Override
        public Object serialize(Object value) {
            return original.serialize(value);
        }

        @Override
        public Object parseValue(Object value) {
            String refusal = check.value(value);
            if (refusal != null) {
                throw new CoercingParseValueException("The value " + refusal + ".");
            }
            return original.parseValue(value);
        }

        @Override
        public Object parseLiteral(Object literal) {
            String refusal = check.literal(literal);
            if (refusal != null) {
                throw new CoercingParseLiteralException("The value " + refusal + ".");
            }
            return original.parseLiteral(literal);
        }

        @Override
        public graphql.language.Value<?> valueToLiteral(Object value) {
            return original.valueToLiteral(value);
        }
    }
}
