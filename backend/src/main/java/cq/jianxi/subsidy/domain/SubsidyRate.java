package cq.jianxi.subsidy.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A year's subsidy standard and living-allowance floor, kept by the city admin. */
@Entity
@Table(name = "subsidy_rate")
public class SubsidyRate extends PanacheEntityBase {
    @Id
    public Integer year;
    @Column(name = "standard_monthly")
    public BigDecimal standardMonthly;
    @Column(name = "high_retention_monthly")
    public BigDecimal highRetentionMonthly;
    @Column(name = "retention_threshold")
    public BigDecimal retentionThreshold;
    @Column(name = "insurance_per_person")
    public BigDecimal insurancePerPerson;
    @Column(name = "allowance_floor")
    public BigDecimal allowanceFloor;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
