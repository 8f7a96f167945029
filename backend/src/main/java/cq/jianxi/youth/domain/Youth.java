package cq.jianxi.youth.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A young person in the real-name registry; the registry issue adds the encrypted identity fields. */
@Entity
@Table(name = "youth")
public class Youth extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
