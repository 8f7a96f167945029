package cq.jianxi.identity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A login session: tokens carry its id, so logout and idle expiry end every token issued for it. */
@Entity
@Table(name = "auth_session")
public class AuthSession extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "user_id")
    public Long userId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    public String ip;
    /** A restricted session may only change the password (expired or reset by an administrator). */
    public boolean restricted;
    @Enumerated(EnumType.STRING)
    @Column(name = "ended_reason")
    public SessionEndReason endedReason;
}
