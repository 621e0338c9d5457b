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
    @Column(name = "venue_id")
    public UUID venueId;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    @Column(name = "time_zone", columnDefinition = "text")
    public String timeZone;
    public int capacity;
    @Column(name = "opens_at")
    public OffsetDateTime opensAt;
    @Column(name = "closes_at")
    public OffsetDateTime closesAt;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public EventStatus status;
    @Column(name = "confirmed_count")
    public int confirmedCount;
    @Column(name = "waitlist_count")
    public int waitlistCount;
    @Column(name = "registration_count")
    public int registrationCount;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
