package cq.jianxi.matching.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.matching.domain.ServiceKind;
import cq.jianxi.matching.domain.ServiceRecord;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import cq.jianxi.position.domain.Education;
import cq.jianxi.position.domain.OpenToYouth;
import cq.jianxi.position.domain.PositionStatus;
import cq.jianxi.position.repository.PositionQueries;
import cq.jianxi.position.repository.PositionRepository;
import cq.jianxi.position.service.PositionSearch;
import cq.jianxi.report.readmodel.ServiceRates;
import cq.jianxi.youth.domain.Youth;
import cq.jianxi.youth.repository.YouthRepository;
import cq.jianxi.youth.service.YouthService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Service before the internship (服务前置): positions recommended to young people who want one, and
 * positions pushed and services recorded by district staff (the service rate is {@link ServiceRates}).
 */
@ApplicationScoped
public class MatchingService {

    static final int RECOMMENDATIONS = 20;
    static final int CANDIDATES = 200;

    @Inject
    YouthRepository youths;
    @Inject
    YouthService youthService;
    @Inject
    PositionRepository positions;
    @Inject
    PositionQueries positionQueries;
    @Inject
    PositionSearch positionSearch;
    @Inject
    NotificationService notifications;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;
    @Inject
    ServiceRates serviceRates;

    /** A recommended position with its score and why. */
    public record Recommendation(PositionQueries.Row position, int score, List<String> reasons) {
    }

    /**
     * Open positions ranked for the young person: preferred or home region, preferred category, a
     * major named by the position; only positions open to young people whose education requirement they meet.
     */
    @WithSession
    public Uni<List<Recommendation>> recommend(Caller caller) {
        caller.requireRole(Role.YOUTH);
        return youths.findById(caller.youthId()).flatMap(y -> {
            if (y == null) {
                throw ApiProblem.notFound("登记信息不存在");
            }
            List<String> regions = new ArrayList<>(Arrays.asList(y.preferredRegions));
            if (y.regionCode != null) {
                regions.add(y.regionCode);
            }
            List<String> educations = eligibleEducations(y);
            return positionSearch.openToYouth().flatMap(openToYouth -> Panache.getSession().flatMap(s -> {
                OpenToYouth.Condition open = openToYouth.nativeSql("p");
                var query = s.createNativeQuery("""
                            select p.id,
                                   (case when p.region_code = any(cast(:regions as varchar[])) then 3 else 0 end
                                  + case when p.category = any(cast(:categories as varchar[])) then 2 else 0 end) as score
                            from position p
                            where %s
                              and p.education = any(cast(:educations as varchar[]))
                              and not exists (select 1 from application a where a.position_id = p.id and a.youth_id = :youth
                                              and a.status in ('SUBMITTED', 'SCREENING', 'INTERVIEW', 'OFFERED', 'ACCEPTED'))
                            order by score desc, p.first_published_at desc, p.id desc
                            limit :limit""".formatted(open.sql()), Object[].class)
                        .setParameter("regions", regions.toArray(String[]::new))
                        .setParameter("categories", y.preferredCategories)
                        .setParameter("educations", educations.toArray(String[]::new))
                        .setParameter("youth", y.id)
                        .setParameter("limit", CANDIDATES);
                open.params().forEach(query::setParameter);
                return query.getResultList();
            })).flatMap(rows -> {
                Map<Long, Integer> base = rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
                        r -> ((Number) r[1]).intValue(), (a, b) -> a));
                return positionQueries.byIds(base.keySet()).map(found -> found.stream()
                        .map(row -> score(y, row, base.get(row.position().id), regions))
                        .sorted(Comparator.comparingInt(Recommendation::score).reversed()
                                .thenComparing(r -> r.position().position().firstPublishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                                // Positions published at the same instant: the newer first, the same way every time.
                                .thenComparing(r -> r.position().position().id, Comparator.reverseOrder()))
                        .limit(RECOMMENDATIONS)
                        .toList());
            });
        });
    }

    private static Recommendation score(Youth y, PositionQueries.Row row, int sqlScore, List<String> regions) {
        List<String> reasons = new ArrayList<>();
        if (regions.contains(row.position().regionCode)) {
            reasons.add("意向区县");
        }
        if (Arrays.asList(y.preferredCategories).contains(row.position().category.name())) {
            reasons.add("意向岗位类别");
        }
        int score = sqlScore;
        if (y.major != null && !y.major.isBlank() && row.position().majors != null) {
            for (String token : row.position().majors.split("[、,，/;；\\s]+")) {
                String t = token.replace("专业", "").replace("相关", "").trim();
                if (t.length() >= 2 && y.major.contains(t)) {
                    score += 2;
                    reasons.add("专业对口");
                    break;
                }
            }
        }
        reasons.add("学历符合");
        return new Recommendation(row, score, reasons);
    }

    private static List<String> eligibleEducations(Youth y) {
        List<String> list = new ArrayList<>();
        list.add(Education.ANY.name());
        if (y.education == null) {
            return list;
        }
        Education highest = Education.valueOf(y.education.name());
        for (Education e : Education.values()) {
            if (e != Education.ANY && e.ordinal() <= highest.ordinal()) {
                list.add(e.name());
            }
        }
        return list;
    }

    /** Records a service for a young person in the caller's scope; a push notifies them. */
    @WithTransaction
    public Uni<List<ServiceRecord>> record(Caller caller, List<Long> youthIds, String kind, Long positionId, String note) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        Checks checks = new Checks();
        ServiceKind k = checks.enumValue("kind", kind, ServiceKind.class, "服务类型");
        checks.check(youthIds != null && !youthIds.isEmpty(), "youthIds", "请选择服务对象");
        checks.check(youthIds == null || youthIds.size() <= 1000, "youthIds", "一次最多 1000 人");
        checks.check(k != ServiceKind.POSITION_PUSH || positionId != null, "positionId", "推送岗位时须选择岗位");
        checks.check(note == null || note.length() <= 500, "note", "备注不能超过 500 个字符");
        checks.throwIfAny();
        List<Long> ids = youthIds.stream().distinct().toList();
        Uni<String> positionTitle = positionId == null ? Uni.createFrom().nullItem()
                : positions.findById(positionId).map(p -> {
                    if (p == null || p.status != PositionStatus.PUBLISHED) {
                        throw ApiProblem.ruleAt("positionId", "只能推送已发布的岗位");
                    }
                    return p.title;
                });
        return positionTitle.flatMap(title -> youths.list("id in ?1", ids).flatMap(found -> {
            if (found.size() != ids.size()) {
                throw ApiProblem.invalidField("youthIds", "部分服务对象不存在");
            }
            Uni<Void> scope = Uni.createFrom().voidItem();
            for (Youth y : found) {
                scope = scope.flatMap(v -> youthService.requireVisible(caller, y));
            }
            OffsetDateTime now = clock.now();
            return scope.flatMap(v -> {
                List<ServiceRecord> records = found.stream().map(y -> {
                    ServiceRecord r = new ServiceRecord();
                    r.youthId = y.id;
                    r.kind = k;
                    r.positionId = positionId;
                    r.note = note;
                    r.regionCode = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : y.regionCode;
                    r.servedBy = caller.username();
                    r.servedAt = now;
                    return r;
                }).toList();
                Uni<Void> notify = Uni.createFrom().voidItem();
                if (k == ServiceKind.POSITION_PUSH) {
                    for (Youth y : found) {
                        notify = notify.flatMap(x -> notifications.toYouth(y.id, NotificationKind.POSITION_RECOMMENDED, "为你推荐岗位",
                                "人社部门向你推荐了岗位“" + title + "”", "/youth/positions/" + positionId));
                    }
                }
                Uni<Void> notifyAll = notify;
                return ServiceRecord.persist(records).flatMap(x -> notifyAll)
                        .flatMap(x -> audit.record(caller, AuditAction.SERVICE_RECORDED, "youth",
                                ids.size() == 1 ? String.valueOf(ids.get(0)) : null, k.label() + " × " + ids.size()))
                        .replaceWith(records);
            });
        }));
    }

    /**
     * A young person's service history, for the staff serving them and for themself. A base may see an
     * applicant's record, but the staff's notes about them are not the base's to read.
     */
    @WithSession
    public Uni<List<ServiceRecord>> history(Caller caller, long youthId) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT, Role.YOUTH);
        return youths.findById(youthId).flatMap(y -> {
            if (y == null) {
                throw ApiProblem.notFound("登记信息不存在");
            }
            return youthService.requireVisible(caller, y)
                    .flatMap(v -> ServiceRecord.<ServiceRecord>list("youthId = ?1 order by servedAt desc", youthId));
        });
    }
}
