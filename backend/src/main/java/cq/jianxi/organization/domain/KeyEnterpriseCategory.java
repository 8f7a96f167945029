package cq.jianxi.organization.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the five key-enterprise categories of Annex 3. */
@Entity
@Table(name = "key_enterprise_category")
public class KeyEnterpriseCategory extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public int seq;
}
