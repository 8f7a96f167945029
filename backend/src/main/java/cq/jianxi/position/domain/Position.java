package cq.jianxi.position.domain;

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

/** An internship opening of a base with a headcount (见习岗位). */
@Entity
@Table(name = "position")
public class Position extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "base_id")
    public Long baseId;
    public String title;
    @Enumerated(EnumType.STRING)
    public PositionCategory category;
    public int headcount;
    @Enumerated(EnumType.STRING)
    public Education education;
    public String majors;
    public String description;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "monthly_allowance")
    public BigDecimal monthlyAllowance;
    @Column(name = "duration_months")
    public int durationMonths;
    public LocalDate deadline;
    @Column(name = "department_code")
    public String departmentCode;
    @Enumerated(EnumType.STRING)
    public PositionStatus status;
    @Column(name = "reject_reason")
    public String rejectReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    public CloseReason closeReason;
    @Column(name = "filled_count")
    public int filledCount;
    @Column(name = "first_published_at")
    public OffsetDateTime firstPublishedAt;
    @Column(name = "published_year")
    public Integer publishedYear;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
