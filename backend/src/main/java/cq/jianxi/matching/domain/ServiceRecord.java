package cq.jianxi.matching.domain;

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

/** One service given to a young person by district staff (服务记录). */
@Entity
@Table(name = "service_record")
public class ServiceRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "youth_id")
    public Long youthId;
    @Enumerated(EnumType.STRING)
    public ServiceKind kind;
    @Column(name = "position_id")
    public Long positionId;
    public String note;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "served_by")
    public String servedBy;
    @Column(name = "served_at")
    public OffsetDateTime servedAt;
}
