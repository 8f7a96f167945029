package cq.jianxi.privacy.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A version of a consent text. Never edited: new wording is a new version (a migration). */
@Entity
@Table(name = "consent_text")
public class ConsentText extends PanacheEntityBase {
    @Id
    public String version;
    @Enumerated(EnumType.STRING)
    public ConsentKind kind;
    public String title;
    public String body;
    @Column(name = "effective_from")
    public OffsetDateTime effectiveFrom;
}
