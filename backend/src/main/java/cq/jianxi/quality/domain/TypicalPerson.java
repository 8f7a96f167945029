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

/** A typical person (典型人物) a district submits from one of its internships, with the person's consent. */
@Entity
@Table(name = "typical_person")
public class TypicalPerson extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "internship_id")
    public Long internshipId;
    @Column(name = "region_code")
    public String regionCode;
    public String title;
    public String story;
    @Column(name = "consent_on")
    public LocalDate consentOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "consent_method")
    public ConsentMethod consentMethod;
    @Enumerated(EnumType.STRING)
    public TypicalPersonStatus status;
    public int year;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "return_reason")
    public String returnReason;
}
