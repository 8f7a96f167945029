package cq.jianxi.plan.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One region's eight targets in one year (a row of Annex 2). */
@Entity
@Table(name = "plan_target")
@IdClass(PlanTarget.Key.class)
public class PlanTarget extends PanacheEntityBase {
    @Id
    public Integer year;
    @Id
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "new_bases")
    public int newBases;
    @Column(name = "new_key_enterprise_bases")
    public int newKeyEnterpriseBases;
    public int positions;
    public int participants;
    @Column(name = "policy_sessions")
    public int policySessions;
    @Column(name = "matching_events")
    public int matchingEvents;
    @Column(name = "typical_persons")
    public int typicalPersons;
    @Column(name = "national_nominations")
    public int nationalNominations;

    public int get(TargetColumn column) {
        return switch (column) {
            case NEW_BASES -> newBases;
            case NEW_KEY_ENTERPRISE_BASES -> newKeyEnterpriseBases;
            case POSITIONS -> positions;
            case PARTICIPANTS -> participants;
            case POLICY_SESSIONS -> policySessions;
            case MATCHING_EVENTS -> matchingEvents;
            case TYPICAL_PERSONS -> typicalPersons;
            case NATIONAL_NOMINATIONS -> nationalNominations;
        };
    }

    public void set(TargetColumn column, int value) {
        switch (column) {
            case NEW_BASES -> newBases = value;
            case NEW_KEY_ENTERPRISE_BASES -> newKeyEnterpriseBases = value;
            case POSITIONS -> positions = value;
            case PARTICIPANTS -> participants = value;
            case POLICY_SESSIONS -> policySessions = value;
            case MATCHING_EVENTS -> matchingEvents = value;
            case TYPICAL_PERSONS -> typicalPersons = value;
            case NATIONAL_NOMINATIONS -> nationalNominations = value;
        }
    }

    /** Composite key (year, region). */
    public static class Key implements Serializable {
        public Integer year;
        public String regionCode;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(year, k.year) && Objects.equals(regionCode, k.regionCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(year, regionCode);
        }
    }
}
