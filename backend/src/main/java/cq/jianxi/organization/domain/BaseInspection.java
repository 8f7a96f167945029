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

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An on-site inspection (现场核查) of a filing's submission round by two district inspectors. */
@Entity
@Table(name = "base_inspection")
public class BaseInspection extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "base_id")
    public Long baseId;
    @Column(name = "submission_round")
    public int submissionRound;
    @Column(name = "inspected_on")
    public LocalDate inspectedOn;
    @Column(name = "inspector_one")
    public String inspectorOne;
    @Column(name = "inspector_two")
    public String inspectorTwo;
    public String findings;
    @Enumerated(EnumType.STRING)
    public InspectionConclusion conclusion;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
