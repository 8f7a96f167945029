package cq.jianxi.identity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The short-lived, single-use ticket between a correct password and the second factor; keyed by its hash. */
@Entity
@Table(name = "login_challenge")
public class LoginChallenge extends PanacheEntityBase {
    @Id
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "user_id")
    public Long userId;
    @Enumerated(EnumType.STRING)
    public ChallengePurpose purpose;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "used_at")
    public OffsetDateTime usedAt;
    public String ip;

    public boolean usableAt(OffsetDateTime now, ChallengePurpose expected) {
        return usedAt == null && purpose == expected && expiresAt.isAfter(now);
    }
}
