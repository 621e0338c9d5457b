package dev.chorus.events.venue;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "venue")
public class VenueEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(columnDefinition = "text")
    public String name;
    public UUID cityId;
    @Column(columnDefinition = "text")
    public String address;
    public int maxCapacity;
    public OffsetDateTime createdAt;
}
