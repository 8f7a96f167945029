package cq.jianxi.quality.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One disqualification rule as data: whether it applies and its parameters, edited by the city. */
@Entity
@Table(name = "disqualification_rule")
public class DisqualificationRule extends PanacheEntityBase {
    @Id
    @Enumerated(EnumType.STRING)
    public RuleCode code;
    public String name;
    public boolean enabled;
    /** NO_INTERN_WITHIN_MONTHS: months after certification. */
    public Integer months;
    /** LOW_RETENTION_YEARS: the retention rate a base must reach. */
    public BigDecimal rate;
    /** LOW_RETENTION_YEARS: how many complete years in a row. */
    public Integer years;
    public int seq;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
