package cq.jianxi.privacy.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A young person's request to delete their personal information (PIPL art. 47), completed or rejected by district staff. */
@Entity
@Table(name = "deletion_request")
public class DeletionRequest extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "youth_id")
    public Long youthId;
    @Column(name = "user_id")
    public Long userId;
    @Column(name = "region_code")
    public String regionCode;
    public String reason;
    @Enumerated(EnumType.STRING)
    public DeletionStatus status = DeletionStatus.PENDING;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "requested_ip")
    public String requestedIp;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public Long decidedBy;
    @Column(name = "decided_by_username")
    public String decidedByUsername;
    @Column(name = "reject_reason")
    public String rejectReason;
    public String erased;
}
