package dev.chorus.creator.creator;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "creator_alias")
public class AliasEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID creatorId;
    public int position;
    @Column(columnDefinition = "text")
    public String name;
    @Column(columnDefinition = "text")
    public String locale;
    @Column(name = "is_primary")
    public boolean primary;
}
