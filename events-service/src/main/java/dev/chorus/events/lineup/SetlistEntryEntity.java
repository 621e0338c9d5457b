package dev.chorus.events.lineup;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "setlist_entry")
public class SetlistEntryEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID eventId;
    public int position;
    public UUID workId;
}
