package dev.chorus.content.invitation;

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
@Table(name = "remix_invitation")
public class RemixInvitationEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workId;
    public UUID creatorId;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    public RemixInvitationStatus status;
    @Column(columnDefinition = "text")
    public String message;
    public OffsetDateTime respondBy;
    public UUID deliveredWorkId;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    /** An INVITED invitation whose deadline has passed is EXPIRED, whether or not anyone has recorded it yet. */
    public RemixInvitationStatus effectiveStatus(OffsetDateTime now) {
        return status == RemixInvitationStatus.INVITED && respondBy.isBefore(now) ? RemixInvitationStatus.EXPIRED : status;
    }
}
