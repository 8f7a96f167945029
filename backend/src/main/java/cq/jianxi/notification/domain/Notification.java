package cq.jianxi.notification.domain;

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

/** An in-app message to one young person, one base, one user, the district admins of a region or the city admins. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "user_id")
    public Long userId;
    @Column(name = "base_id")
    public Long baseId;
    @Column(name = "youth_id")
    public Long youthId;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "to_city")
    public boolean toCity;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    /** Set on a reminder a scheduled job may try to write again: the unique key makes the second try a no-op. */
    @Column(name = "dedupe_key")
    public String dedupeKey;
    public String title;
    public String body;
    public String link;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "read_at")
    public OffsetDateTime readAt;
}
