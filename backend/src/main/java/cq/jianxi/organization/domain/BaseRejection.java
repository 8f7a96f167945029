package cq.jianxi.organization.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One rejection of a filing's submission round, kept after the base corrects and resubmits. */
@Entity
@Table(name = "base_rejection")
public class BaseRejection extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "base_id")
    public Long baseId;
    @Column(name = "submission_round")
    public int submissionRound;
    public String reason;
    @Column(name = "rejected_at")
    public OffsetDateTime rejectedAt;
    @Column(name = "rejected_by")
    public String rejectedBy;
}
