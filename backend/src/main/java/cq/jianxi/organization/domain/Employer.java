package cq.jianxi.organization.domain;

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

/** An organisation identified by its unified social credit code (用人单位). */
@Entity
@Table(name = "employer")
public class Employer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "credit_code")
    public String creditCode;
    public String name;
    @Column(name = "region_code")
    public String regionCode;
    public String industry;
    @Enumerated(EnumType.STRING)
    public Ownership ownership;
    @Enumerated(EnumType.STRING)
    @Column(name = "operating_status")
    public OperatingStatus operatingStatus;
    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
