package dev.chorus.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.junit.jupiter.api.Test;

/** A native query's select list from an entity: its mapped fields as columns, in order, never {@code *}. */
class ColumnsTest {
    @Entity
    @Table(name = "sample")
    static class Sample {
        static final int NOT_A_COLUMN = 1;
        @Id
        public UUID id;
        public String title;
        public int confirmedCount;
        public String qqMusicId;
        public String isrc2Code;
        @Column(name = "is_primary")
        public boolean primary;
        @Transient
        public String computed;
        public transient String alsoComputed;
    }

    static class NotAnEntity {
        public String name;
    }

    @Test
    void theMappedFieldsAsQualifiedColumnsInOrder() {
        assertEquals(List.of("id", "title", "confirmed_count", "qq_music_id", "isrc2_code", "is_primary"),
                Columns.names(Sample.class));
        assertEquals("s.id, s.title, s.confirmed_count, s.qq_music_id, s.isrc2_code, s.is_primary",
                Columns.of(Sample.class, "s"));
    }

    @Test
    void aSelectFromTheEntitysTableMadeOncePerAlias() {
        assertEquals("select s.id, s.title, s.confirmed_count, s.qq_music_id, s.isrc2_code, s.is_primary from sample s",
                Columns.select(Sample.class, "s"));
        assertSame(Columns.of(Sample.class, "x"), Columns.of(Sample.class, "x"));
        assertEquals("x.id, x.title, x.confirmed_count, x.qq_music_id, x.isrc2_code, x.is_primary",
                Columns.of(Sample.class, "x"));
    }

    @Test
    void namesAsHibernatesCamelCaseToUnderscores() {
        assertEquals("starts_at", Columns.snake("startsAt"));
        assertEquals("bilibili_bvid", Columns.snake("bilibiliBvid"));
        assertEquals("isrc", Columns.snake("isrc"));
        assertEquals("url", Columns.snake("URL"), "no underscore inside capitals");
        assertEquals("seat_version", Columns.snake("seatVersion"));
    }

    @Test
    void aClassWithoutMappedColumnsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Columns.of(NotAnEntity.class, "n"));
    }
}
