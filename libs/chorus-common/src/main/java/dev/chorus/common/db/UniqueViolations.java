package dev.chorus.common.db;

import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.exception.ConstraintViolationException;

import dev.chorus.common.error.ChorusException;
import io.vertx.pgclient.PgException;

/**
 * Turns a PostgreSQL unique violation (SQLSTATE 23505) into the domain error the caller names for that
 * constraint. The database is the arbiter under concurrency; checks made before writing only give nicer
 * messages earlier.
 */
public final class UniqueViolations {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Pattern CONSTRAINT = Pattern.compile("unique constraint \"([^\"]+)\"");

    private UniqueViolations() {
    }

    /** Use as {@code .onFailure().transform(UniqueViolations.mapping(Map.of("constraint", () -> ...)))}. */
    public static Function<Throwable, Throwable> mapping(Map<String, Supplier<? extends ChorusException>> byConstraint) {
        return failure -> {
            String constraint = violatedConstraint(failure);
            Supplier<? extends ChorusException> error = constraint == null ? null : byConstraint.get(constraint);
            return error == null ? failure : error.get();
        };
    }

    /** The unique constraint the failure violated, or null when it is not a unique violation. */
    static String violatedConstraint(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && cve.getConstraintName() != null
                    && cve.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return cve.getConstraintName();
            }
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return pg.getConstraint();
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                Matcher m = CONSTRAINT.matcher(String.valueOf(sql.getMessage()));
                return m.find() ? m.group(1) : null;
            }
        }
        return null;
    }
}
