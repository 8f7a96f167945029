package cq.jianxi.quality.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.quality.domain.ConsentMethod;
import cq.jianxi.quality.domain.TypicalPerson;
import cq.jianxi.quality.domain.TypicalPersonStatus;
import cq.jianxi.quality.repository.TypicalPersonRepository;
import cq.jianxi.quality.service.DisqualificationService.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Typical persons (选树报送典型人物): a district submits an intern of its region with their recorded
 * consent; the city approves or returns. Approved persons count toward Annex 2's 选树报送典型人物 in the
 * year of their submission.
 */
@ApplicationScoped
public class TypicalPersonService {

    @Inject
    TypicalPersonRepository persons;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;
    @Inject
    Pool pool;

    /** What the district submits. */
    public record Submission(Long internshipId, String title, String story, LocalDate consentOn, ConsentMethod consentMethod) {
    }

    /** The internship a person is linked to, as lists show it (the intern's name masked). */
    public record Subject(long internshipId, String maskedName, String baseName, String regionCode) {
    }

    /** A typical person with the internship it names. */
    public record Shown(TypicalPerson person, Subject subject) {
    }

    @WithSession
    public Uni<Page<Shown>> list(Caller caller, String regionCode, TypicalPersonStatus status, Integer year, int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        new Checks().page(page, size, DisqualificationService.MAX_PAGE_SIZE).throwIfAny();
        if (regionCode != null) {
            caller.requireRegion(regionCode);
        }
        String region = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : regionCode;
        var query = persons.search(region, status, year);
        return query.page(page, size).list().flatMap(items -> query.count().flatMap(total -> subjects(items.stream()
                .map(p -> p.internshipId).toList()).map(subjects -> new Page<>(items.stream()
                .map(p -> new Shown(p, subjects.get(p.internshipId))).toList(), total, page, size))));
    }

    @WithTransaction
    public Uni<Shown> submit(Caller caller, Submission s) {
        caller.requireRole(Role.DISTRICT_ADMIN);
        validate(s);
        return subjects(List.of(s.internshipId())).flatMap(found -> {
            Subject subject = found.get(s.internshipId());
            if (subject == null) {
                throw ApiProblem.ruleAt("internshipId", "见习记录不存在");
            }
            caller.requireRegion(subject.regionCode());
            return persons.ofInternship(s.internshipId()).flatMap(existing -> {
                if (existing != null) {
                    throw ApiProblem.conflict("该见习人员已报送为典型人物（编号 " + existing.id + "）");
                }
                TypicalPerson p = new TypicalPerson();
                p.internshipId = s.internshipId();
                p.regionCode = subject.regionCode();
                fill(p, s, caller);
                return persons.persist(p).call(saved -> audit.record(caller, AuditAction.TYPICAL_PERSON_SUBMITTED,
                                "typical_person", String.valueOf(saved.id), saved.title + "（" + subject.maskedName() + "）"))
                        .map(saved -> new Shown(saved, subject));
            });
        });
    }

    /** The district edits a submitted or returned person, which submits it (again). */
    @WithTransaction
    public Uni<Shown> resubmit(Caller caller, long id, Submission s) {
        caller.requireRole(Role.DISTRICT_ADMIN);
        validate(s);
        return persons.findForUpdate(id).flatMap(p -> {
            if (p == null) {
                throw ApiProblem.notFound("典型人物不存在");
            }
            caller.requireRegion(p.regionCode);
            if (p.status == TypicalPersonStatus.APPROVED) {
                throw ApiProblem.conflict("已审核通过的典型人物不能修改");
            }
            if (!p.internshipId.equals(s.internshipId())) {
                throw ApiProblem.ruleAt("internshipId", "不能更换所关联的见习记录");
            }
            fill(p, s, caller);
            return audit.record(caller, AuditAction.TYPICAL_PERSON_SUBMITTED, "typical_person", String.valueOf(id),
                    "修改后重新报送：" + p.title).flatMap(v -> shown(p));
        });
    }

    @WithTransaction
    public Uni<Shown> approve(Caller caller, long id) {
        caller.requireRole(Role.CITY_ADMIN);
        return pending(id).flatMap(p -> {
            p.status = TypicalPersonStatus.APPROVED;
            p.decidedAt = clock.now();
            p.decidedBy = caller.username();
            p.returnReason = null;
            return audit.record(caller, AuditAction.TYPICAL_PERSON_APPROVED, "typical_person", String.valueOf(id), p.title)
                    .flatMap(v -> shown(p));
        });
    }

    @WithTransaction
    public Uni<Shown> giveBack(Caller caller, long id, String reason) {
        caller.requireRole(Role.CITY_ADMIN);
        new Checks().notBlank("reason", reason, 500, "退回理由").throwIfAny();
        return pending(id).flatMap(p -> {
            p.status = TypicalPersonStatus.RETURNED;
            p.decidedAt = clock.now();
            p.decidedBy = caller.username();
            p.returnReason = reason.trim();
            return audit.record(caller, AuditAction.TYPICAL_PERSON_RETURNED, "typical_person", String.valueOf(id), p.returnReason)
                    .flatMap(v -> shown(p));
        });
    }

    private Uni<TypicalPerson> pending(long id) {
        return persons.findForUpdate(id).map(p -> {
            if (p == null) {
                throw ApiProblem.notFound("典型人物不存在");
            }
            if (p.status != TypicalPersonStatus.SUBMITTED) {
                throw ApiProblem.conflict("该典型人物不在待审核状态：" + p.status.label());
            }
            return p;
        });
    }

    private void validate(Submission s) {
        Checks checks = new Checks();
        checks.check(s.internshipId() != null, "internshipId", "请选择见习记录");
        checks.notBlank("title", s.title(), 100, "标题");
        checks.notBlank("story", s.story(), 2000, "事迹");
        // Publicising a person needs their consent first: no date or way of obtaining it, no submission.
        checks.check(s.consentOn() != null, "consentOn", "须先取得本人同意并填写同意日期");
        checks.check(s.consentOn() == null || !s.consentOn().isAfter(clock.today()), "consentOn", "同意日期不能晚于今天");
        checks.check(s.consentMethod() != null, "consentMethod", "请选择取得同意的方式");
        checks.throwIfAnyRuleBroken();
    }

    private void fill(TypicalPerson p, Submission s, Caller caller) {
        p.title = s.title().trim();
        p.story = s.story().trim();
        p.consentOn = s.consentOn();
        p.consentMethod = s.consentMethod();
        p.status = TypicalPersonStatus.SUBMITTED;
        p.submittedAt = clock.now();
        p.submittedBy = caller.username();
        p.year = clock.today().getYear();
        p.decidedAt = null;
        p.decidedBy = null;
        p.returnReason = null;
    }

    private Uni<Shown> shown(TypicalPerson p) {
        return subjects(List.of(p.internshipId)).map(m -> new Shown(p, m.get(p.internshipId)));
    }

    private Uni<Map<Long, Subject>> subjects(List<Long> internshipIds) {
        if (internshipIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                        select i.id, y.name, b.name as base_name, i.region_code from internship i
                        join youth y on y.id = i.youth_id join base b on b.id = i.base_id where i.id = any($1)""")
                .execute(Tuple.of(internshipIds.toArray(new Long[0]))).map(rows -> {
                    Map<Long, Subject> map = new HashMap<>();
                    for (Row r : rows) {
                        map.put(r.getLong("id"), new Subject(r.getLong("id"), maskName(r.getString("name")),
                                r.getString("base_name"), r.getString("region_code")));
                    }
                    return map;
                });
    }

    /** 张三丰 → 张**: the surname alone identifies nobody in a list. */
    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
