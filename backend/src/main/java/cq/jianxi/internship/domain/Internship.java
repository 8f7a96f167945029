package cq.jianxi.internship.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A young person's internship at a base under an agreement (见习协议). */
@Entity
@Table(name = "internship")
public class Internship extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "application_id")
    public Long applicationId;
    @Column(name = "youth_id")
    public Long youthId;
    @Column(name = "base_id")
    public Long baseId;
    @Column(name = "position_id")
    public Long positionId;
    @Column(name = "region_code")
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public InternshipState state;
    @Column(name = "mentor_name")
    public String mentorName;
    @Column(name = "mentor_phone_enc")
    public String mentorPhoneEncrypted;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "planned_end")
    public LocalDate plannedEnd;
    @Column(name = "arrived_on")
    public LocalDate arrivedOn;
    @Enumerated(EnumType.STRING)
    public InternshipOrigin origin = InternshipOrigin.ONLINE;
    @Column(name = "actual_end")
    public LocalDate actualEnd;
    @Column(name = "monthly_allowance")
    public BigDecimal monthlyAllowance;
    @Column(name = "unemployed_graduate")
    public boolean unemployedGraduate;
    @Column(name = "end_reason")
    public String endReason;
    public String outcome;
    @Column(name = "outcome_channel")
    public String outcomeChannel;
    @Column(name = "outcome_date")
    public LocalDate outcomeDate;
    @Column(name = "agreement_signed_at")
    public OffsetDateTime agreementSignedAt;
    /** When the intern confirmed the signed agreement on the phone; null until then. */
    @Column(name = "youth_agreement_confirmed_at")
    public OffsetDateTime youthAgreementConfirmedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
