package cq.jianxi.subsidy.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A payment of an approved claim by one level of public finance (中央/市级/区县级). */
@Entity
@Table(name = "disbursement")
public class Disbursement extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "claim_id")
    public Long claimId;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    public BigDecimal amount;
    @Column(name = "funding_level")
    public String fundingLevel;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
