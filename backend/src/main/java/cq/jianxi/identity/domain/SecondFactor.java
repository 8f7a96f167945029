package cq.jianxi.identity.domain;

import cq.jianxi.common.security.Role;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An account's authenticator app (TOTP): the active secret and/or one being bound, both encrypted. */
@Entity
@Table(name = "second_factor")
public class SecondFactor extends PanacheEntityBase {
    @Id
    @Column(name = "user_id")
    public Long userId;
    @Column(name = "secret_encrypted")
    public String secretEncrypted;
    @Column(name = "enabled_at")
    public OffsetDateTime enabledAt;
    @Column(name = "last_used_step")
    public Long lastUsedStep;
    @Column(name = "pending_secret_encrypted")
    public String pendingSecretEncrypted;
    @Column(name = "pending_since")
    public OffsetDateTime pendingSince;

    /** Staff see every young person's record in their scope: for them a password alone is not enough. */
    public static boolean requiredFor(Role role) {
        return role == Role.CITY_ADMIN || role == Role.DISTRICT_ADMIN || role == Role.DEPARTMENT;
    }

    public static boolean isActive(SecondFactor factor) {
        return factor != null && factor.secretEncrypted != null;
    }

    public static boolean isPending(SecondFactor factor) {
        return factor != null && factor.pendingSecretEncrypted != null;
    }
}
