package cq.jianxi.audit.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One audited fact: a login, a write, or a view of unmasked personal data. Never updated; deleted only
 * by the retention purge. The database chains every insert (seq, prev_hash, hash), so they are read-only here.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime at;
    @Column(name = "actor_user_id")
    public Long actorUserId;
    @Column(name = "actor_username")
    public String actorUsername;
    @Column(name = "actor_role")
    public String actorRole;
    public String action;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public String targetId;
    public String detail;
    public String ip;
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "prev_hash", insertable = false, updatable = false)
    public String prevHash;
    @Column(insertable = false, updatable = false)
    public String hash;
}
