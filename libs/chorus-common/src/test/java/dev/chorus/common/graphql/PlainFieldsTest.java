package dev.chorus.common.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import graphql.GraphQLException;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.smallrye.graphql.bootstrap.DataFetcherFactory;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;

class PlainFieldsTest {
    public record Song(String title, List<String> tags) {
    }

    public static final class Bare {
        public String name = "bare";
    }

    private static final Reference STRING = new Reference.Builder().className(String.class.getName()).name("String")
            .build();

    private static Reference owner(Class<?> type) {
        Reference owner = new Reference();
        owner.setClassName(type.getName());
        owner.setName(type.getSimpleName());
        return owner;
    }

    private static Object fetch(DataFetcher<?> fetcher, Object source) throws Exception {
        return fetcher.get(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(source).build());
    }

    /** SmallRye picks our fetcher for plain fields (ahead of Quarkus' service and its own FieldDataFetcher). */
    @Test
    void smallRyeUsesItForPlainFields() {
        Field title = new Field("title", "title", "title", STRING);
        DataFetcher<?> fetcher = new DataFetcherFactory().getFieldDataFetcher(title, null, owner(Song.class));
        assertInstanceOf(PlainFields.Fetcher.class, fetcher);
    }

    @Test
    void readsARecordComponentAndAListAsTheyAre() throws Exception {
        Song song = new Song("晚风告白", List.of("remix", "lofi"));
        PlainFields.Fetcher title = new PlainFields.Fetcher(new Field("title", "title", "title", STRING),
                owner(Song.class));
        PlainFields.Fetcher tags = new PlainFields.Fetcher(new Field("tags", "tags", "tags", STRING),
                owner(Song.class));
        assertEquals("晚风告白", fetch(title, song));
        assertEquals(List.of("remix", "lofi"), fetch(tags, song));
        assertEquals("second", fetch(title, new Song("second", List.of()))); // the accessor is kept, not the value
    }

    @Test
    void readsAPublicFieldByItsName() throws Exception {
        PlainFields.Fetcher name = new PlainFields.Fetcher(new Field(null, "name", "name", STRING),
                owner(Bare.class));
        assertEquals("bare", fetch(name, new Bare()));
    }

    @Test
    void anUnknownAccessorIsAGraphQLError() {
        PlainFields.Fetcher missing = new PlainFields.Fetcher(new Field("nope", "nope", "nope", STRING),
                owner(Song.class));
        assertThrows(GraphQLException.class, () -> fetch(missing, new Song("x", List.of())));
    }

    /** Like SmallRye's own fetcher, it leaves no request context on the thread behind it. */
    @Test
    void leavesNoContextOnTheThread() throws Exception {
        SmallRyeContext stale = new SmallRyeContext("test");
        SmallRyeContextManager.restore(stale);
        assertSame(stale, SmallRyeContextManager.getCurrentSmallRyeContext());
        fetch(new PlainFields.Fetcher(new Field("title", "title", "title", STRING), owner(Song.class)),
                new Song("x", List.of()));
        assertNull(SmallRyeContextManager.getCurrentSmallRyeContext());
    }
}
