package dev.chorus.events.registration;

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
@Table(name = "registration")
public class RegistrationEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "attendee_id", columnDefinition = "text")
    public String attendeeId;
    @Column(name = "queue_number")
    public int queueNumber;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public RegistrationStatus status;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;
}
