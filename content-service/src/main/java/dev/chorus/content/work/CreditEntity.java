package dev.chorus.content.work;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "work_credit")
public class CreditEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workId;
    public int position;
    public UUID creatorId;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public CreditRole role;
    @Column(columnDefinition = "text")
    public String creditedAs;
}
