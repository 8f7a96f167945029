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

/** A complaint against a base, recorded by its district with what was found. */
@Entity
@Table(name = "base_complaint")
public class BaseComplaint extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "base_id")
    public Long baseId;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    public String summary;
    public boolean serious;
    @Enumerated(EnumType.STRING)
    public ComplaintOutcome outcome;
    @Column(name = "outcome_note")
    public String outcomeNote;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
