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

/** A base's claim of the internship subsidy for one intern and one month (见习补贴申领). */
@Entity
@Table(name = "subsidy_claim")
public class SubsidyClaim extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "internship_id")
    public Long internshipId;
    public LocalDate month;
    @Column(name = "base_id")
    public Long baseId;
    @Column(name = "region_code")
    public String regionCode;
    public String status;
    @Column(name = "requested_amount")
    public BigDecimal requestedAmount;
    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;
    @Column(name = "reject_reason")
    public String rejectReason;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
}
