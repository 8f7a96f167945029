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

/** An internship base: an employer's filing (备案) with the HR bureau of its region. */
@Entity
@Table(name = "base")
public class Base extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "employer_id")
    public Long employerId;
    public String name;
    @Column(name = "region_code")
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public BaseStatus status;
    @Enumerated(EnumType.STRING)
    public BaseLevel level;
    /** The evaluation year whose selection gave the level; null for an ordinary base. */
    @Column(name = "level_year")
    public Integer levelYear;
    @Enumerated(EnumType.STRING)
    public FilingSource source;
    @Column(name = "recommending_department_code")
    public String recommendingDepartmentCode;
    @Column(name = "contact_name")
    public String contactName;
    /** AES-GCM ciphertext; see PersonalDataCipher. */
    @Column(name = "contact_phone_enc")
    public String contactPhoneEncrypted;
    public String address;
    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "reject_reason")
    public String rejectReason;
    @Column(name = "filed_year")
    public Integer filedYear;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "revoke_reason")
    public String revokeReason;
    /** The employer data this filing proposes for an employer already on record; applied on approval. */
    public String proposal;
    /** 受理回执编号, numbered by the database from the region and the filing year; never changes. */
    @Column(name = "receipt_no", insertable = false, updatable = false)
    public String receiptNo;
    /** The date by which the district should decide the current submission (working days from the calendar). */
    @Column(name = "review_deadline")
    public LocalDate reviewDeadline;
    /** When the current submission (the filing, or its latest correction) was made. */
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    /** 1 for the filing, +1 for each resubmission after a rejection; inspections and rejections carry it. */
    @Column(name = "submission_round")
    public int submissionRound = 1;

    /** Pending past its deadline: the district's review is late. */
    public boolean overdueOn(LocalDate today) {
        return status == BaseStatus.PENDING && reviewDeadline != null && reviewDeadline.isBefore(today);
    }
}
