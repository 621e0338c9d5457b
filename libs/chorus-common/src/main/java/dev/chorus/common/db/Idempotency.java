package dev.chorus.common.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.error.ConflictException;
import dev.chorus.common.security.Access;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A create sent again with the same client-chosen key (after a timeout, say) does nothing and answers the first
 * result; the same key with a different request is CONFLICT. The key is claimed in the same transaction as the
 * change (table {@code idempotency_key}, one per service database): a concurrent duplicate waits on the key's row
 * until the first commits, then reads its result; if the first fails, nothing was claimed and the retry runs.
 * Keys belong to the caller ({@code sub}) and the operation, so two clients never collide. Quarkus and Hibernate
 * offer nothing for this, hence the helper; it works over a Hibernate Reactive transaction ({@link #once}) or a
 * connection of the reactive client ({@link #once(SqlClient, String, Access, Key, Object, Supplier, Function,
 * Function)}).
 */
public final class Idempotency {
    public static final int MAX_KEY_LENGTH = 100;
    /** The schema's description of every {@code idempotencyKey}. */
    public static final String KEY_DESCRIPTION = "A key chosen by the client (1 to 100 of A-Z a-z 0-9 . _ : -): the "
            + "same request sent again with it creates nothing and answers the first result; the same key with "
            + "another request is CONFLICT.";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_KEY_LENGTH + "}");
    private static final String CLAIM = "insert into idempotency_key (operation, subject, key, fingerprint) "
            + "values ($1, $2, $3, $4) on conflict do nothing";
    private static final String READ = "select fingerprint, result from idempotency_key "
            + "where operation = $1 and subject = $2 and key = $3";
    private static final String DONE = "update idempotency_key set result = $4 "
            + "where operation = $1 and subject = $2 and key = $3";

    private Idempotency() {
    }

    /** A client's key and the input field that holds it; {@code value} is null when the client sent none. */
    public record Key(String field, String value) {
    }

    /** A key as given: absent, or 1 to 100 of {@code [A-Za-z0-9._:-]}. */
    public static Key key(String field, String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new BadUserInputException(field, field + " must be 1 to " + MAX_KEY_LENGTH
                    + " letters, digits or . _ : -");
        }
        return new Key(field, key);
    }

    /**
     * Inside a Panache transaction ({@code @WithTransaction}): runs {@code change} once per key. {@code request} is the whole input
     * (a record: its text is its fingerprint), {@code stored} what to keep of the result (an id), {@code load} how
     * to answer a repeat from it.
     */
    public static <T> Uni<T> once(String operation, Access access, Key key, Object request, Supplier<Uni<T>> change,
            Function<T, String> stored, Function<String, Uni<T>> load) {
        if (key.value() == null) {
            return change.get();
        }
        return Panache.getSession().chain(session -> run(new Statements() {
            @Override
            public Uni<Integer> update(String sql, Object... parameters) {
                Mutiny.Query<Object> query = session.createNativeQuery(positional(sql));
                for (int i = 0; i < parameters.length; i++) {
                    query.setParameter(i + 1, parameters[i]);
                }
                return query.executeUpdate();
            }

            @Override
            public Uni<String[]> row(String sql, Object... parameters) {
                Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(positional(sql), Object[].class);
                for (int i = 0; i < parameters.length; i++) {
                    query.setParameter(i + 1, parameters[i]);
                }
                return query.getSingleResultOrNull().map(r -> r == null ? null
                        : new String[] { (String) r[0], (String) r[1] });
            }
        }, operation, access, key, request, change, stored, load));
    }

    /** The same over a connection of the reactive client, inside its transaction. */
    public static <T> Uni<T> once(SqlClient connection, String operation, Access access, Key key, Object request,
            Supplier<Uni<T>> change, Function<T, String> stored, Function<String, Uni<T>> load) {
        if (key.value() == null) {
            return change.get();
        }
        return run(new Statements() {
            @Override
            public Uni<Integer> update(String sql, Object... parameters) {
                return connection.preparedQuery(sql).execute(Tuple.from(List.of(parameters)))
                        .map(rows -> rows.rowCount());
            }

            @Override
            public Uni<String[]> row(String sql, Object... parameters) {
                return connection.preparedQuery(sql).execute(Tuple.from(List.of(parameters))).map(rows -> {
                    var iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    var row = iterator.next();
                    return new String[] { row.getString("fingerprint"), row.getString("result") };
                });
            }
        }, operation, access, key, request, change, stored, load);
    }

    private interface Statements {
        Uni<Integer> update(String sql, Object... parameters);

        Uni<String[]> row(String sql, Object... parameters);
    }

    private static <T> Uni<T> run(Statements db, String operation, Access access, Key key, Object request,
            Supplier<Uni<T>> change, Function<T, String> stored, Function<String, Uni<T>> load) {
        String subject = access.subject() == null ? "" : access.subject();
        String fingerprint = fingerprint(request);
        return db.update(CLAIM, operation, subject, key.value(), fingerprint).chain(claimed -> {
            if (claimed == 1) {
                return change.get().call(result -> db.update(DONE, operation, subject, key.value(),
                        stored.apply(result)));
            }
            return db.row(READ, operation, subject, key.value()).chain(first -> {
                if (first == null || !fingerprint.equals(first[0]) || first[1] == null) {
                    throw new ConflictException(key.field(),
                            key.field() + " was already used for a different request");
                }
                return load.apply(first[1]);
            });
        });
    }

    /** The request's fingerprint: a hash of its text (inputs are records of values, whose text is stable). */
    static String fingerprint(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code $1} placeholders (the reactive client's) as Hibernate's native {@code ?1}. */
    private static String positional(String sql) {
        return sql.replaceAll("\\$(\\d+)", "?$1");
    }
}
