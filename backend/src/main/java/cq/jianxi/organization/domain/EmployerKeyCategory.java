package cq.jianxi.organization.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** An employer's membership of a key-enterprise category (declared at filing or matched from the list). */
@Entity
@Table(name = "employer_key_category")
@IdClass(EmployerKeyCategory.Key.class)
public class EmployerKeyCategory extends PanacheEntityBase {
    @Id
    @Column(name = "employer_id")
    public Long employerId;
    @Id
    @Column(name = "category_code")
    public String categoryCode;

    public static EmployerKeyCategory of(Long employerId, String categoryCode) {
        EmployerKeyCategory c = new EmployerKeyCategory();
        c.employerId = employerId;
        c.categoryCode = categoryCode;
        return c;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public Long employerId;
        public String categoryCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(employerId, k.employerId) && Objects.equals(categoryCode, k.categoryCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(employerId, categoryCode);
        }
    }
}
