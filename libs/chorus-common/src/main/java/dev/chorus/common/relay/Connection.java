package dev.chorus.common.relay;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A Relay connection: one page of nodes with their cursors, the page information and the total count. */
public class Connection<T> {
    private final List<@NonNull Edge<T>> edges;
    private final PageInfo pageInfo;
    private final Integer totalCount;

    public Connection(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
    }

    /**
     * Builds the connection from the rows fetched for {@code page}: at most {@code page.first() + 1} rows, the
     * extra one only telling that a next page exists.
     */
    public static <T> Connection<T> of(List<T> rows, PageRequest<?> page, Function<T, String> cursorOf,
            Integer totalCount) {
        boolean hasNext = rows.size() > page.first();
        List<T> nodes = hasNext ? rows.subList(0, page.first()) : rows;
        List<Edge<T>> edges = nodes.stream().map(node -> new Edge<>(cursorOf.apply(node), node)).toList();
        PageInfo info = new PageInfo(hasNext, page.after() != null,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, totalCount);
    }

    /**
     * Builds the connection for lists paged by position: the cursor of a node is its 1-based position in the whole
     * list; the page starts after the {@code after} position.
     */
    public static <T> Connection<T> byPosition(List<T> rows, PageRequest<Cursor.Number> page, Integer totalCount) {
        int offset = PageRequest.offset(page);
        boolean hasNext = rows.size() > page.first();
        List<T> nodes = hasNext ? rows.subList(0, page.first()) : rows;
        List<Edge<T>> edges = new java.util.ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            edges.add(new Edge<>(new Cursor.Number(offset + i + 1).encode(), nodes.get(i)));
        }
        PageInfo info = new PageInfo(hasNext, page.after() != null,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, totalCount);
    }

    public @NonNull List<@NonNull Edge<T>> getEdges() {
        return edges;
    }

    public @NonNull PageInfo getPageInfo() {
        return pageInfo;
    }

    @Description("Number of nodes matching the query over all pages.")
    public @NonNull Integer getTotalCount() {
        return totalCount;
    }
}
