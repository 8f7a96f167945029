package cq.jianxi.internship.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One month of an internship as the base and the intern each confirmed it. */
@Entity
@Table(name = "internship_month")
@IdClass(InternshipMonth.Key.class)
public class InternshipMonth extends PanacheEntityBase {
    @Id
    @Column(name = "internship_id")
    public Long internshipId;
    @Id
    public LocalDate month;
    @Column(name = "days_present")
    public Integer daysPresent;
    @Column(name = "base_confirmed_at")
    public OffsetDateTime baseConfirmedAt;
    @Column(name = "base_confirmed_by")
    public String baseConfirmedBy;
    @Column(name = "youth_confirmed_at")
    public OffsetDateTime youthConfirmedAt;
    @Column(name = "youth_flagged_at")
    public OffsetDateTime youthFlaggedAt;
    @Column(name = "youth_flag_reason")
    public String youthFlagReason;

    public boolean confirmedByBoth() {
        return baseConfirmedAt != null && youthConfirmedAt != null && youthFlaggedAt == null;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public Long internshipId;
        public LocalDate month;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(internshipId, k.internshipId) && Objects.equals(month, k.month);
        }

        @Override
        public int hashCode() {
            return Objects.hash(internshipId, month);
        }
    }
}
