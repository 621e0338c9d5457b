package dev.chorus.events.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "event")
public class EventEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(columnDefinition = "text")
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public EventKind kind;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Organizer organizer;
    @Column(columnDefinition = "text")
    public String description;
    public UUID venueId;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
    @Column(columnDefinition = "text")
    public String timeZone;
    public int capacity;
    public OffsetDateTime opensAt;
    public OffsetDateTime closesAt;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public EventStatus status;
    public int confirmedCount;
    public int waitlistCount;
    /** Grows by one with each change of the seats: set by the database (migration V5), never written from here. */
    @Column(insertable = false, updatable = false)
    public long seatVersion;
    /** When the seats last changed (migration V6): set by the database with the version. */
    @Column(insertable = false, updatable = false)
    public OffsetDateTime seatsChangedAt;
    public int registrationCount;
    public OffsetDateTime publishedAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
}
