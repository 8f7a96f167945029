package cq.jianxi.identity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One recovery code of an account, kept only as a keyed hash; used once. */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "user_id")
    public Long userId;
    @Column(name = "code_hash")
    public String codeHash;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "used_at")
    public OffsetDateTime usedAt;
}
