package cq.jianxi.plan.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A year's plan (年度目标任务): where its targets came from and when they were last loaded. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {
    @Id
    public Integer year;
    public String source;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
