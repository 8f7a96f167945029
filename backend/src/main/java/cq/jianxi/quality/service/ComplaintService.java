package cq.jianxi.quality.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.organization.service.Organizations;
import cq.jianxi.quality.domain.BaseComplaint;
import cq.jianxi.quality.domain.ComplaintOutcome;
import cq.jianxi.quality.repository.ComplaintRepository;
import cq.jianxi.quality.service.DisqualificationService.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;

/**
 * Complaints against bases (投诉记录), kept by the base's district: a serious complaint found upheld is
 * one of the disqualification rules.
 */
@ApplicationScoped
public class ComplaintService {

    @Inject
    ComplaintRepository complaints;
    @Inject
    Organizations organizations;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    /** A complaint as recorded; the outcome may still be pending. */
    public record ComplaintRequest(Long baseId, LocalDate receivedOn, String summary, Boolean serious,
                                   ComplaintOutcome outcome, String outcomeNote) {
    }

    @WithSession
    public Uni<Page<BaseComplaint>> list(Caller caller, String regionCode, Long baseId, int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        new Checks().page(page, size, DisqualificationService.MAX_PAGE_SIZE).throwIfAny();
        if (regionCode != null) {
            caller.requireRegion(regionCode);
        }
        String region = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : regionCode;
        Uni<Void> scope = baseId == null ? Uni.createFrom().voidItem()
                : organizations.base(baseId).invoke(b -> DisqualificationService.requireInScope(caller, b)).replaceWithVoid();
        return scope.flatMap(v -> {
            var query = complaints.search(region, baseId);
            return query.page(page, size).list().flatMap(items -> query.count().map(total -> new Page<>(items, total, page, size)));
        });
    }

    @WithTransaction
    public Uni<BaseComplaint> record(Caller caller, ComplaintRequest request) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        Checks checks = new Checks();
        checks.check(request.baseId() != null, "baseId", "请选择被投诉的基地");
        checks.check(request.receivedOn() != null, "receivedOn", "请填写受理日期");
        checks.check(request.receivedOn() == null || !request.receivedOn().isAfter(clock.today()), "receivedOn", "受理日期不能晚于今天");
        checks.notBlank("summary", request.summary(), 500, "投诉摘要");
        checks.check(request.serious() != null, "serious", "请说明是否严重");
        outcomeChecks(checks, request.outcome(), request.outcomeNote());
        checks.throwIfAnyRuleBroken();
        return organizations.base(request.baseId()).flatMap(base -> {
            DisqualificationService.requireInScope(caller, base);
            BaseComplaint c = new BaseComplaint();
            c.baseId = base.id;
            c.regionCode = base.regionCode;
            c.receivedOn = request.receivedOn();
            c.summary = request.summary().trim();
            c.serious = request.serious();
            c.outcome = request.outcome();
            c.outcomeNote = blankToNull(request.outcomeNote());
            c.recordedBy = caller.username();
            c.recordedAt = clock.now();
            c.updatedAt = c.recordedAt;
            return complaints.persist(c).call(saved -> audit.record(caller, AuditAction.COMPLAINT_RECORDED, "base_complaint",
                    String.valueOf(saved.id), base.name + "：" + (saved.serious ? "严重，" : "") + saved.outcome.label() + "；" + saved.summary));
        });
    }

    /** Records what the district found (or sets it back to pending while it looks again). */
    @WithTransaction
    public Uni<BaseComplaint> setOutcome(Caller caller, long id, ComplaintOutcome outcome, String note) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        Checks checks = new Checks();
        outcomeChecks(checks, outcome, note);
        checks.throwIfAnyRuleBroken();
        return complaints.findForUpdate(id).flatMap(c -> {
            if (c == null) {
                throw ApiProblem.notFound("投诉记录不存在");
            }
            caller.requireRegion(c.regionCode);
            c.outcome = outcome;
            c.outcomeNote = blankToNull(note);
            c.updatedAt = clock.now();
            return audit.record(caller, AuditAction.COMPLAINT_OUTCOME_RECORDED, "base_complaint", String.valueOf(id),
                    outcome.label() + (c.outcomeNote == null ? "" : "：" + c.outcomeNote)).replaceWith(c);
        });
    }

    private static void outcomeChecks(Checks checks, ComplaintOutcome outcome, String note) {
        checks.check(outcome != null, "outcome", "请选择核实结果");
        checks.check(note == null || note.length() <= 500, "outcomeNote", "核实说明不能超过 500 个字符");
        checks.check(outcome == null || outcome == ComplaintOutcome.PENDING || (note != null && !note.isBlank()),
                "outcomeNote", "查实或不成立须填写核实说明");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
