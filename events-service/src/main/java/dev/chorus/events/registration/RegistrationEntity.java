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
    public UUID eventId;
    @Column(columnDefinition = "text")
    public String attendeeId;
    public int queueNumber;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public RegistrationStatus status;
    public OffsetDateTime registeredAt;
    public OffsetDateTime updatedAt;
    public OffsetDateTime checkedInAt;
}
