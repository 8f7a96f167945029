package cq.jianxi.report.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.report.readmodel.ServiceRates;
import io.smallrye.mutiny.Uni;
import cq.jianxi.report.readmodel.PlanFigures.Column;
import cq.jianxi.report.readmodel.PlanProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The yearly report on the plan's implementation (年度计划实施情况): per region and department, the
 * eight Annex 2 targets against what the records achieved ({@link PlanProgress}, the same figures the
 * dashboard and the milestones use), with the service rate.
 */
@ApplicationScoped
public class AnnualReportService {

    @Inject
    PlanProgress plans;
    @Inject
    ServiceRates matching;

    /** Target and achievement; achieved is null where the platform keeps no record. */
    public record Figure(long target, Long achieved) {
    }

    /** One region's year. */
    public record RegionYear(String regionCode, String regionName, Figure newBases, Figure newKeyEnterpriseBases,
                             Figure positions, Figure participants, Figure policySessions, Figure matchingEvents,
                             Figure typicalPersons, Figure nationalNominations, Double serviceRate) {
    }

    /** One department's quota. */
    public record DepartmentYear(String code, String name, Figure positions) {
    }

    /** The whole report. */
    public record Annual(int year, List<RegionYear> regions, List<DepartmentYear> departments) {
    }

    public Uni<Annual> compute(Caller caller, int year) {
        return compute(caller, year, null);
    }

    /** The report of one region ({@code regionCode}), or of the caller's whole scope when it is null. */
    public Uni<Annual> compute(Caller caller, int year, String regionCode) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        if (regionCode != null) {
            caller.requireRegion(regionCode);
        }
        String only = regionCode != null ? regionCode : caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        // One after another: parallel statements of one request could each wait for a connection others hold.
        return plans.year(year, only).flatMap(p -> matching.serviceRate(caller, only).map(rate -> {
            if (!p.planned() || p.regions().isEmpty()) {
                throw ApiProblem.notFound(year + " 年度计划尚未导入");
            }
            Map<String, Double> rates = rate.regions().stream()
                    .filter(x -> x.rate() != null)
                    .collect(Collectors.toMap(ServiceRates.RegionRate::regionCode, ServiceRates.RegionRate::rate));
            List<RegionYear> regions = p.regions().stream().map(r -> new RegionYear(r.code(), r.name(),
                    figure(r, Column.NEW_BASES), figure(r, Column.NEW_KEY_ENTERPRISE_BASES), figure(r, Column.POSITIONS),
                    figure(r, Column.PARTICIPANTS), figure(r, Column.POLICY_SESSIONS), figure(r, Column.MATCHING_EVENTS),
                    figure(r, Column.TYPICAL_PERSONS), figure(r, Column.NATIONAL_NOMINATIONS),
                    rates.get(r.code()))).toList();
            List<DepartmentYear> departments = p.departments().stream()
                    .map(d -> new DepartmentYear(d.code(), d.name(), figure(d, Column.POSITIONS))).toList();
            return new Annual(year, regions, departments);
        }));
    }

    private static Figure figure(PlanProgress.Scope scope, Column column) {
        PlanProgress.ColumnProgress c = scope.column(column);
        return new Figure(c.target(), c.achieved());
    }
}
