package cq.jianxi.region.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 41 reporting units of Annex 2: 38 districts and counties and three functional zones. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "short_name")
    public String shortName;
    @Column(name = "official_name")
    public String officialName;
    public String kind;
    public int seq;
}
