package cq.jianxi.identity.domain;

import cq.jianxi.common.security.Role;
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

/** A built-in account: credentials, role and the scope that role is bound to. */
@Entity
@Table(name = "user_account")
public class UserAccount extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String username;
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "display_name")
    public String displayName;
    @Enumerated(EnumType.STRING)
    public Role role;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "department_code")
    public String departmentCode;
    @Column(name = "base_id")
    public Long baseId;
    @Column(name = "youth_id")
    public Long youthId;
    public boolean enabled = true;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "password_changed_at")
    public OffsetDateTime passwordChangedAt;
    /** Set by an administrator's reset: the next session may only choose a new password. */
    @Column(name = "must_change_password")
    public boolean mustChangePassword;
    /** Where one-time codes for a password reset go; encrypted, with a keyed hash for lookups. */
    @Column(name = "phone_enc")
    public String phoneEncrypted;
    @Column(name = "phone_hash")
    public String phoneHash;
}
