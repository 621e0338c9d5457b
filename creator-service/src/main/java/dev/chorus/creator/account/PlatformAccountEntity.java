package dev.chorus.creator.account;

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
@Table(name = "platform_account")
public class PlatformAccountEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID creatorId;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public Platform platform;
    @Column(columnDefinition = "text")
    public String externalId;
    public OffsetDateTime linkedAt;
}
