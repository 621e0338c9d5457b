package dev.chorus.common.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

class CursorsTest {
    static final UUID ID = UUID.fromString("1f510567-bb26-4833-87f4-95893f75ffb9");

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
    void eachKindOfCursorDecodesWhatItEncodes() {
        OffsetDateTime time = OffsetDateTime.of(2026, 11, 24, 10, 2, 23, 242925000, ZoneOffset.ofHours(8));
        Cursor.TimeAndId timeAndId = Cursor.TimeAndId.of(time, ID.toString());
        assertEquals(ZoneOffset.UTC, timeAndId.time().getOffset(), "kept as UTC: one cursor per instant");
        assertEquals(time.toInstant(), Cursor.TimeAndId.decode(timeAndId.encode()).time().toInstant());
        assertEquals(ID, Cursor.TimeAndId.decode(timeAndId.encode()).id());
        assertEquals(new Cursor.TextAndId("上海 Hall", ID),
                Cursor.TextAndId.decode(new Cursor.TextAndId("上海 Hall", ID).encode()));
        assertEquals(new Cursor.IdAndNumber(ID, 7), Cursor.IdAndNumber.decode(new Cursor.IdAndNumber(ID, 7).encode()));
        assertEquals(new Cursor.Number(42), Cursor.Number.decode(new Cursor.Number(42).encode()));
        // the text of the cursors clients already hold is unchanged
        assertEquals(Cursors.encode(timeAndId.time().toString(), ID.toString()), timeAndId.encode());
    }

    @Test
    void aCursorOfAnotherKindOrWithDamagedPartsIsBadInputOnAfter() {
        String number = new Cursor.Number(3).encode();
        String timeAndId = Cursor.TimeAndId.of(OffsetDateTime.now(), ID.toString()).encode();
        for (Runnable decode : List.<Runnable> of(
                () -> Cursor.TimeAndId.decode(number),
                () -> Cursor.TimeAndId.decode(Cursors.encode("x", ID.toString())),
                () -> Cursor.TimeAndId.decode(Cursors.encode(OffsetDateTime.now().toString(), "not-an-id")),
                () -> Cursor.Number.decode(timeAndId),
                () -> Cursor.Number.decode(Cursors.encode("1.5")),
                () -> Cursor.IdAndNumber.decode(Cursors.encode(ID.toString(), "x")),
                () -> Cursor.TextAndId.decode(number),
                () -> PageRequest.of(1, "garbage", Cursor.Number::decode))) {
            assertEquals("after", assertThrows(BadUserInputException.class, decode::run).field());
        }
    }

    @Test
    void pageSizesOutsideTheBoundsAreRefused() {
        assertEquals(PageRequest.DEFAULT_FIRST, PageRequest.of(null, null, Cursor.Number::decode).first());
        assertEquals("first", assertThrows(BadUserInputException.class,
                () -> PageRequest.of(101, null, Cursor.Number::decode)).field());
        assertEquals("first", assertThrows(BadUserInputException.class,
                () -> PageRequest.of(-1, null, Cursor.Number::decode)).field());
    }

    @Test
    void aPagePagedByPositionStartsAfterItsCursor() {
        PageRequest<Cursor.Number> page = PageRequest.of(2, new Cursor.Number(4).encode(), Cursor.Number::decode);
        assertEquals(4, PageRequest.offset(page));
        Connection<String> connection = Connection.byPosition(List.of("e", "f", "g"), page, 9);
        assertEquals(new Cursor.Number(5).encode(), connection.getEdges().get(0).cursor());
        assertEquals(true, connection.getPageInfo().hasPreviousPage());
    }

    @Test
    void aConnectionTellsWhetherMoreFollow() {
        PageRequest<Cursor.Number> page = PageRequest.of(2, null, Cursor.Number::decode);
        Connection<String> connection = Connection.of(List.of("a", "b", "c"), page, Cursors::encode, 3);
        assertEquals(List.of("a", "b"), connection.getEdges().stream().map(Edge::node).toList());
        assertEquals(true, connection.getPageInfo().hasNextPage());
        assertEquals(Cursors.encode("b"), connection.getPageInfo().endCursor());
    }
}
