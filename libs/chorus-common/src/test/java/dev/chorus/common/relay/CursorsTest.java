package dev.chorus.common.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

class CursorsTest {

    @Test
    void aCursorDecodesToTheKeyItWasMadeOf() {
        String cursor = Cursors.encode("2026-11-24T02:02:23.242925Z", "1f510567-bb26-4833-87f4-95893f75ffb9");
        assertEquals(List.of("2026-11-24T02:02:23.242925Z", "1f510567-bb26-4833-87f4-95893f75ffb9"),
                Cursors.decode(cursor, 2));
    }

    @Test
    void foreignOrDamagedCursorsAreBadInputOnAfter() {
        for (String bad : List.of("not a cursor", "", Cursors.encode("only-one"), Cursors.encode("a", "b", "c"))) {
            BadUserInputException e = assertThrows(BadUserInputException.class, () -> Cursors.decode(bad, 2));
            assertEquals("after", e.field());
        }
    }

    @Test
    void cursorPartsOfTheWrongKindAreBadInputOnAfter() {
        PageRequest page = PageRequest.of(1, Cursors.encode("x", "y"), 2);
        assertEquals("after", assertThrows(BadUserInputException.class, () -> page.afterTime(0)).field());
        assertEquals("after", assertThrows(BadUserInputException.class, () -> page.afterId(1)).field());
    }

    @Test
    void pageSizesOutsideTheBoundsAreRefused() {
        assertEquals(PageRequest.DEFAULT_FIRST, PageRequest.of(null, null, 2).first());
        assertEquals("first", assertThrows(BadUserInputException.class, () -> PageRequest.of(101, null, 2)).field());
        assertEquals("first", assertThrows(BadUserInputException.class, () -> PageRequest.of(-1, null, 2)).field());
    }

    @Test
    void aConnectionTellsWhetherMoreFollow() {
        PageRequest page = PageRequest.of(2, null, 1);
        Connection<String> connection = Connection.of(List.of("a", "b", "c"), page, Cursors::encode, 3);
        assertEquals(List.of("a", "b"), connection.getEdges().stream().map(Edge::node).toList());
        assertEquals(true, connection.getPageInfo().hasNextPage());
        assertEquals(Cursors.encode("b"), connection.getPageInfo().endCursor());
    }
}
