package cq.jianxi.privacy.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** That a young person agreed to a text, which version, when and from which address. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "youth_id")
    public Long youthId;
    @Column(name = "user_id")
    public Long userId;
    @Enumerated(EnumType.STRING)
    public ConsentKind kind;
    @Column(name = "text_version")
    public String textVersion;
    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;
    public String ip;
}
