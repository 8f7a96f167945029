package cq.jianxi.youth.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A young person in the real-name registry (实名制). ID number and phone are stored encrypted. */
@Entity
@Table(name = "youth")
public class Youth extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    /** Region of residence. */
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "id_number_enc")
    public String idNumberEncrypted;
    @Column(name = "id_number_hash")
    public String idNumberHash;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    public String sex;
    @Column(name = "phone_enc")
    public String phoneEncrypted;
    @Enumerated(EnumType.STRING)
    public EducationLevel education;
    public String school;
    public String major;
    @Column(name = "graduation_date")
    public LocalDate graduationDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "current_status")
    public CurrentStatus currentStatus = CurrentStatus.UNEMPLOYED;
    @Column(name = "internship_intention")
    public boolean internshipIntention;
    @Column(name = "training_intention")
    public boolean trainingIntention;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_regions")
    public String[] preferredRegions = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_categories")
    public String[] preferredCategories = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] hardship = new String[0];
    public String source = "SELF";
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
