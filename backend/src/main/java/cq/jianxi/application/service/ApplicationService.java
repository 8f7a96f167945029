package cq.jianxi.application.service;

import cq.jianxi.application.domain.Application;
import cq.jianxi.application.domain.ApplicationStatus;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import cq.jianxi.position.domain.Position;
import cq.jianxi.position.service.PositionService;
import cq.jianxi.organization.service.Organizations;
import cq.jianxi.position.service.PositionSearch;
import cq.jianxi.youth.domain.Eligibility;
import cq.jianxi.youth.service.YouthService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applications from a position to an accepted offer. Acceptance locks the position row, so accepted
 * offers never exceed the headcount however many applicants accept at once; a filled position closes.
 * Only positions open to young people take applications, and only the programme's target groups
 * may accept an offer, since an accepted offer becomes an internship.
 */
@ApplicationScoped
public class ApplicationService {

    @Inject
    PositionService positions;
    @Inject
    NotificationService notifications;
    @Inject
    AuditService audit;
    @Inject
    PositionSearch positionSearch;
    @Inject
    Organizations organizations;
    @Inject
    cq.jianxi.internship.service.AgreementService internships;
    @Inject
    YouthService youth;
    @Inject
    AppClock clock;

    /** An application with the position and applicant names shown next to it, and the applicant's phone (masked unless revealed). */
    public record Row(Application application, String positionTitle, Long baseId, String baseName, String youthName,
                      String applicantPhone, boolean applicantPhoneMasked) {

        Row withFullPhone(String phone) {
            return new Row(application, positionTitle, baseId, baseName, youthName, phone, false);
        }
    }

    /** A transition request. */
    public record Transition(String to, OffsetDateTime interviewAt, String interviewPlace, String reason) {
    }

    /**
     * Applies to a position. {@code contactShared} is the applicant's acknowledgement, given after the notice
     * on the apply step, that the base will see their phone to arrange the interview; without it nothing is sent.
     */
    @WithTransaction
    public Uni<Row> apply(Caller caller, Long positionId, Boolean contactShared) {
        caller.requireRole(Role.YOUTH);
        new Checks().check(Boolean.TRUE.equals(contactShared), "contactShared",
                "投递前须知晓：投递后该见习基地可查看你的手机号码用于联系面试").throwIfAny();
        return positionSearch.openForApplication(positionId).flatMap(p -> Application.<Application>find(
                "youthId = ?1 and positionId = ?2 and status in ?3", caller.youthId(), positionId, ApplicationStatus.ACTIVE)
                .firstResult().flatMap(existing -> {
                if (existing != null) {
                    throw ApiProblem.conflict("你已申请该岗位（当前状态：" + existing.status.label() + "）");
                }
                Application a = new Application();
                a.youthId = caller.youthId();
                a.positionId = positionId;
                a.status = ApplicationStatus.SUBMITTED;
                a.createdAt = clock.now();
                a.updatedAt = a.createdAt;
                a.contactSharedAt = a.createdAt;
                return a.<Application>persist()
                        .call(saved -> notifications.toBase(p.baseId, NotificationKind.APPLICATION_SUBMITTED, "新的见习申请",
                                caller.displayName() + " 申请了岗位“" + p.title + "”", "/base/applications"))
                        .call(saved -> audit.record(caller, AuditAction.APPLICATION_SUBMITTED, "application",
                                String.valueOf(saved.id), p.title))
                        .flatMap(saved -> row(saved.id));
            }));
    }

    @WithTransaction
    public Uni<Row> transition(Caller caller, long id, Transition t) {
        caller.requireRole(Role.YOUTH, Role.BASE);
        Checks checks = new Checks();
        ApplicationStatus to = checks.enumValue("to", t == null ? null : t.to(), ApplicationStatus.class, "目标状态");
        checks.throwIfAny();
        return Application.<Application>findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(a -> {
            if (a == null) {
                throw ApiProblem.notFound("申请不存在");
            }
            return positions.find(a.positionId).flatMap(p -> {
                authorize(caller, a, p, to);
                if (!a.status.next().contains(to)) {
                    throw ApiProblem.conflict("申请当前为“" + a.status.label() + "”，不能变更为“" + to.label() + "”");
                }
                if (to == ApplicationStatus.INTERVIEW) {
                    new Checks().check(t.interviewAt() != null, "interviewAt", "请填写面试时间")
                            .notBlank("interviewPlace", t.interviewPlace(), 200, "面试地点").throwIfAny();
                    a.interviewAt = t.interviewAt();
                    a.interviewPlace = t.interviewPlace().trim();
                }
                if (to == ApplicationStatus.REJECTED) {
                    new Checks().notBlank("reason", t.reason(), 500, "未通过原因").throwIfAny();
                    a.rejectReason = t.reason().trim();
                }
                // An accepted offer takes a seat and becomes an internship whose agreement the base then signs;
                // refused (and all of it rolled back) when the young person is in no target group on its start.
                Uni<Void> seat = to == ApplicationStatus.ACCEPTED
                        ? positions.takeSeat(p.id).flatMap(v -> internships.createFromOffer(a.id, a.youthId, a.positionId))
                        .flatMap(internship -> requireEligible(a.youthId, internship.startDate))
                        : Uni.createFrom().voidItem();
                return seat.flatMap(v -> {
                    a.status = to;
                    a.updatedAt = clock.now();
                    String text = "岗位“" + p.title + "”的申请：" + to.label();
                    // One kind per step: APPLICATION_SCREENING … to the applicant, APPLICATION_ACCEPTED or _WITHDRAWN to the base.
                    NotificationKind kind = NotificationKind.valueOf("APPLICATION_" + to.name());
                    Uni<Void> notify = to.byApplicant()
                            ? notifications.toBase(p.baseId, kind, "申请状态变更：" + to.label(), caller.displayName() + " " + text, "/base/applications")
                            : notifications.toYouth(a.youthId, kind, "申请状态变更：" + to.label(), text
                            + (to == ApplicationStatus.INTERVIEW ? "，面试时间与地点请查看申请详情" : ""), "/youth/applications");
                    return notify.flatMap(x -> audit.record(caller, AuditAction.APPLICATION_TRANSITIONED, "application",
                            String.valueOf(id), to.name()));
                }).flatMap(x -> row(id));
            });
        });
    }

    private Uni<Void> requireEligible(long youthId, LocalDate start) {
        return youth.categoryOn(youthId, start).map(category -> {
            if (category == Eligibility.Category.NOT_ELIGIBLE) {
                throw ApiProblem.conflict("不符合见习对象条件：见习开始日（" + start + "）不是离校2年内未就业高校毕业生或16–24岁失业青年");
            }
            return null;
        });
    }

    private static void authorize(Caller caller, Application a, Position p, ApplicationStatus to) {
        if (caller.is(Role.YOUTH)) {
            if (!a.youthId.equals(caller.youthId())) {
                throw ApiProblem.forbidden("只能处理本人的申请");
            }
            if (!to.byApplicant()) {
                throw ApiProblem.forbidden("该状态由见习基地处理");
            }
        } else {
            if (!p.baseId.equals(caller.baseId())) {
                throw ApiProblem.forbidden("只能处理本基地岗位的申请");
            }
            if (to.byApplicant()) {
                throw ApiProblem.forbidden("该状态由申请人本人处理");
            }
        }
    }

    /** A young person's own applications, or a base's applicants (optionally for one position). */
    @WithSession
    public Uni<List<Row>> list(Caller caller, Long positionId, String status) {
        Checks checks = new Checks();
        ApplicationStatus st = status == null || status.isBlank() ? null
                : checks.enumValue("status", status, ApplicationStatus.class, "申请状态");
        checks.throwIfAny();
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        switch (caller.role()) {
            case YOUTH -> {
                where.append(" and a.youthId = :youth");
                params.put("youth", caller.youthId());
            }
            case BASE -> {
                where.append(" and a.positionId in :basePositions");
                params.put("basePositions", caller.baseId());
            }
            default -> throw ApiProblem.forbidden("当前角色无权查看见习申请");
        }
        if (positionId != null) {
            where.append(" and a.positionId = :position");
            params.put("position", positionId);
        }
        if (st != null) {
            where.append(" and a.status = :status");
            params.put("status", st);
        }
        return query(where.toString(), params);
    }

    /**
     * One application, for its applicant or the base of its position. With {@code reveal} the base sees the
     * applicant's full phone to arrange the interview (audited), as long as the applicant was told so when
     * applying and the application is still going on; the applicant sees their own.
     */
    @WithTransaction
    public Uni<Row> get(Caller caller, long id, boolean reveal) {
        return row(id).flatMap(r -> {
            if (r == null) {
                throw ApiProblem.notFound("申请不存在");
            }
            boolean mine = caller.is(Role.YOUTH) ? r.application().youthId.equals(caller.youthId())
                    : caller.is(Role.BASE) && r.baseId().equals(caller.baseId());
            if (!mine) {
                throw ApiProblem.forbidden("无权查看该申请");
            }
            if (!reveal) {
                return Uni.createFrom().item(r);
            }
            Application a = r.application();
            if (caller.is(Role.BASE)) {
                if (a.contactSharedAt == null) {
                    throw ApiProblem.conflict("该申请投递时申请人未被告知提供手机号码，不能查看完整号码");
                }
                if (!ApplicationStatus.ACTIVE.contains(a.status)) {
                    throw ApiProblem.conflict("申请当前为“" + a.status.label() + "”，不再提供申请人的手机号码");
                }
            }
            return youth.revealPhone(caller, a.youthId, "见习申请 " + a.id + "，联系面试").map(r::withFullPhone);
        });
    }

    private Uni<Row> row(long id) {
        return query(" and a.id = :id", Map.of("id", id)).map(list -> list.isEmpty() ? null : list.get(0));
    }

    /**
     * Applications matching {@code where}, newest change first, with their position's title and base and the
     * applicant's name read through those contexts' services. A base's filter ({@code basePositions}, its id)
     * becomes the ids of its positions.
     */
    private Uni<List<Row>> query(String where, Map<String, Object> params) {
        String hql = "select a from Application a where 1 = 1" + where + " order by a.updatedAt desc, a.id desc";
        Long baseId = (Long) params.get("basePositions");
        Uni<List<Long>> basePositions = !params.containsKey("basePositions") ? Uni.createFrom().nullItem()
                : baseId == null ? Uni.createFrom().item(List.of()) : positionSearch.idsOfBase(baseId);
        return basePositions.flatMap(ids -> {
            if (ids != null && ids.isEmpty()) {
                return Uni.createFrom().item(List.<Application>of());
            }
            return Panache.getSession().flatMap(s -> {
                var q = s.createSelectionQuery(hql, Application.class);
                params.forEach((name, value) -> q.setParameter(name, name.equals("basePositions") ? ids : value));
                return q.setMaxResults(500).getResultList();
            });
        }).flatMap(this::rows);
    }

    private Uni<List<Row>> rows(List<Application> found) {
        List<Long> youthIds = found.stream().map(a -> a.youthId).toList();
        return positionSearch.byIds(found.stream().map(a -> a.positionId).toList()).flatMap(positions ->
                organizations.baseNames(positions.values().stream().map(p -> p.baseId).toList()).flatMap(bases ->
                        youth.names(youthIds).flatMap(names -> youth.maskedPhones(youthIds).map(phones ->
                                found.stream().map(a -> {
                                    Position p = positions.get(a.positionId);
                                    return new Row(a, p.title, p.baseId, bases.get(p.baseId), names.get(a.youthId),
                                            phones.get(a.youthId), true);
                                }).toList()))));
    }

}
