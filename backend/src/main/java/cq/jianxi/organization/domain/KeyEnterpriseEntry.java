package cq.jianxi.organization.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One row of a district's key-enterprise list (Annex 3). */
@Entity
@Table(name = "key_enterprise_entry")
public class KeyEnterpriseEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "category_code")
    public String categoryCode;
    @Column(name = "employer_name")
    public String employerName;
    @Column(name = "credit_code")
    public String creditCode;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
}
