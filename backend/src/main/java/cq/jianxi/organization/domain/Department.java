package cq.jianxi.organization.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A municipal department of Annex 1 with its task and, for six of them, a position quota. */
@Entity
@Table(name = "department")
public class Department extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "task_summary")
    public String taskSummary;
    @Column(name = "position_quota")
    public Integer positionQuota;
    @Column(name = "position_category")
    public String positionCategory;
    public int seq;
}
