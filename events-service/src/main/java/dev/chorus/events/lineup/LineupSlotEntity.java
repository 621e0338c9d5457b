package dev.chorus.events.lineup;

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
@Table(name = "lineup_slot")
public class LineupSlotEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID eventId;
    public int position;
    public UUID creatorId;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public LineupRole role;
    public OffsetDateTime startsAt;
}
