package dev.chorus.content.work;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "royalty_split")
public class RoyaltySplitEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workId;
    public int position;
    public UUID creatorId;
    @Column(precision = 5, scale = 2)
    public BigDecimal share;
}
