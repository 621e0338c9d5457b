package dev.chorus.common.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** Helpers for batched field resolvers: one load for all parents, answers in the parents' order. */
public final class Batches {
    private Batches() {
    }

    /** Groups rows by the key {@code keyOf} gives, keeping their order. */
    public static <K, T> Map<K, List<T>> groupBy(Collection<T> rows, Function<T, K> keyOf) {
        Map<K, List<T>> grouped = new HashMap<>();
        rows.forEach(row -> grouped.computeIfAbsent(keyOf.apply(row), k -> new ArrayList<>()).add(row));
        return grouped;
    }

    /**
     * A private list field: the mapped rows of the keys the caller may see ({@code allowed}), in order, and null
     * for the others; {@code load} is called once, for the allowed keys only, and not at all when there are none.
     */
    public static <K, T, R> Uni<List<List<R>>> onlyFor(List<K> keys, Set<K> allowed,
            Function<List<K>, Uni<Map<K, List<T>>>> load, Function<T, R> map) {
        List<K> mine = keys.stream().filter(allowed::contains).distinct().toList();
        Uni<Map<K, List<T>>> rows = mine.isEmpty() ? Uni.createFrom().item(Map.of()) : load.apply(mine);
        return rows.map(byKey -> keys.stream().map(key -> !allowed.contains(key) ? null
                : byKey.getOrDefault(key, List.<T> of()).stream().map(map).toList()).toList());
    }

    /** For each key, in order, its mapped rows (an empty list when it has none). */
    public static <K, T, R> List<List<R>> inOrder(List<K> keys, Map<K, List<T>> byKey, Function<T, R> map) {
        return keys.stream().map(key -> byKey.getOrDefault(key, List.of()).stream().map(map).toList()).toList();
    }

    /** For each key, in order, the mapped single row, or null when none. */
    public static <K, T, R> List<R> oneEach(List<K> keys, Map<K, T> byKey, Function<T, R> map) {
        List<R> answers = new ArrayList<>(keys.size());
        keys.forEach(key -> {
            T row = key == null ? null : byKey.get(key);
            answers.add(row == null ? null : map.apply(row));
        });
        return answers;
    }
}
