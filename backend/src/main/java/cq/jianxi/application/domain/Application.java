package cq.jianxi.application.domain;

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

/** A young person's application to a position (见习申请). */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "youth_id")
    public Long youthId;
    @Column(name = "position_id")
    public Long positionId;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    @Column(name = "interview_at")
    public OffsetDateTime interviewAt;
    @Column(name = "interview_place")
    public String interviewPlace;
    @Column(name = "reject_reason")
    public String rejectReason;
    /** When the applicant acknowledged that the base sees their phone; null on applications from before the notice. */
    @Column(name = "contact_shared_at")
    public OffsetDateTime contactSharedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
