package cq.jianxi.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A district's case against a base under one rule: the warning with its evidence, then the decision. */
@Entity
@Table(name = "disqualification_case")
public class DisqualificationCase extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "base_id")
    public Long baseId;
    @Column(name = "region_code")
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public RuleCode rule;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    public String evidence;
    @Column(name = "warned_at")
    public OffsetDateTime warnedAt;
    @Column(name = "warned_by")
    public String warnedBy;
    @Column(name = "rectify_by")
    public LocalDate rectifyBy;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
}
