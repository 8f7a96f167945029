package cq.jianxi.activity.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.persistence.NativeValues;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matching events (供需对接, online or offline) and policy sessions (政策宣讲) that districts record for
 * their region; placements are internships linked to the event, never typed in.
 */
@ApplicationScoped
public class ActivityService {

    @jakarta.inject.Inject
    AppClock clock;

    static final Set<String> KINDS = Set.of("MATCHING_ONLINE", "MATCHING_OFFLINE", "POLICY_SESSION");

    @Inject
    AuditService audit;
    @Inject
    Placements placements;

    /** An activity as recorded. */
    public record Activity(Long id, String kind, String regionCode, LocalDate heldOn, String title, String organizer,
                           String venue, String link, int basesCount, int positionsOffered, int unemployedYouth,
                           int graduates, int employersServed, int youthServed, int placements, int signups) {
    }

    /** A base or a young person signs up to an activity of any region. */
    @WithTransaction
    public Uni<Activity> signUp(Caller caller, long id) {
        caller.requireRole(Role.BASE, Role.YOUTH);
        return one(id).flatMap(a -> {
            if (a.heldOn().isBefore(clock.today())) {
                throw ApiProblem.conflict("活动已结束，不能报名");
            }
            return Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "insert into activity_signup (activity_id, base_id, youth_id) values (:a, :b, :y) on conflict do nothing")
                    .setParameter("a", id).setParameter("b", caller.is(Role.BASE) ? caller.baseId() : null)
                    .setParameter("y", caller.is(Role.YOUTH) ? caller.youthId() : null).executeUpdate());
        }).flatMap(x -> one(id));
    }

    /** Only web addresses: a javascript: or data: link entered by a user would run in other users' browsers. */
    static boolean webLink(String link) {
        if (link.length() > 500) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @WithTransaction
    public Uni<Activity> create(Caller caller, Activity a) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        validate(a);
        caller.requireRegion(a.regionCode());
        boolean policy = "POLICY_SESSION".equals(a.kind());
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into activity (kind, region_code, held_on, title, organizer, venue, link, bases_count,
                                              positions_offered, unemployed_youth, graduates, employers_served, youth_served, created_by)
                        values (:kind, :region, :heldOn, :title, :organizer, :venue, :link, :bases, :positions, :youth,
                                :graduates, :employers, :served, :by) returning id""", Long.class)
                .setParameter("kind", a.kind()).setParameter("region", a.regionCode()).setParameter("heldOn", a.heldOn())
                .setParameter("title", a.title().trim()).setParameter("organizer", a.organizer().trim())
                .setParameter("venue", blank(a.venue())).setParameter("link", blank(a.link()))
                .setParameter("bases", policy ? 0 : a.basesCount()).setParameter("positions", policy ? 0 : a.positionsOffered())
                .setParameter("youth", policy ? 0 : a.unemployedYouth()).setParameter("graduates", policy ? 0 : a.graduates())
                .setParameter("employers", policy ? a.employersServed() : 0).setParameter("served", policy ? a.youthServed() : 0)
                .setParameter("by", caller.username()).getSingleResult())
                .call(id -> audit.record(caller, AuditAction.ACTIVITY_RECORDED, "activity", String.valueOf(id), a.title()))
                .flatMap(this::one);
    }

    /** Links internships that started from a matching event in the same region, on or after its date. */
    @WithTransaction
    public Uni<Activity> addPlacements(Caller caller, long id, List<Long> internshipIds) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        new Checks().check(internshipIds != null && !internshipIds.isEmpty(), "internshipIds", "请选择见习人员").throwIfAny();
        return one(id).flatMap(a -> {
            caller.requireRegion(a.regionCode());
            if ("POLICY_SESSION".equals(a.kind())) {
                throw ApiProblem.invalidField("internshipIds", "政策宣讲活动不记录促成上岗");
            }
            return placements.countPlaceable(internshipIds, a.regionCode(), a.heldOn())
                    .flatMap(n -> Panache.getSession().flatMap(s -> {
                        if (n != internshipIds.stream().distinct().count()) {
                            throw ApiProblem.ruleAt("internshipIds", "只能关联本区县、活动当天或之后到岗的见习");
                        }
                        Uni<Integer> chain = Uni.createFrom().item(0);
                        for (Long internship : internshipIds.stream().distinct().toList()) {
                            chain = chain.flatMap(x -> s.createNativeQuery(
                                            "insert into activity_placement (activity_id, internship_id) values (:a, :i)")
                                    .setParameter("a", id).setParameter("i", internship).executeUpdate());
                        }
                        return chain;
                    }));
        }).flatMap(x -> one(id));
    }

    public static final int MAX_PAGE_SIZE = 200;

    /** One page of activities with the total count of matches. */
    public record Page(List<Activity> items, long total, int page, int size) {
    }

    private static final String LISTED = "(cast(:region as varchar) is null or a.region_code = :region)"
            + " and (cast(:from as date) is null or a.held_on >= :from) and (cast(:to as date) is null or a.held_on <= :to)";

    /** Activities by region and date range, latest first, one page at a time. */
    @WithSession
    public Uni<Page> list(Caller caller, String regionCode, LocalDate from, LocalDate to, int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT, Role.BASE, Role.YOUTH);
        new Checks().page(page, size, MAX_PAGE_SIZE).throwIfAny();
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        if (caller.is(Role.DISTRICT_ADMIN)) {
            if (region != null) {
                caller.requireRegion(region);
            }
            region = caller.regionCode();
        }
        String scope = region;
        return query(LISTED, Map.of(), region, from, to, page, size).flatMap(items -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("select count(*) from activity a where " + LISTED, Long.class)
                        .setParameter("region", scope).setParameter("from", from).setParameter("to", to).getSingleResult())
                .map(total -> new Page(items, ((Number) total).longValue(), page, size)));
    }

    @WithSession
    public Uni<Activity> one(long id) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        return query("a.id = :id", p, null, null, null, 0, 1).map(list -> {
            if (list.isEmpty()) {
                throw ApiProblem.notFound("活动不存在");
            }
            return list.get(0);
        });
    }

    private Uni<List<Activity>> query(String where, Map<String, Object> extra, String region, LocalDate from, LocalDate to,
                                      int page, int size) {
        String sql = """
                select a.id, a.kind, a.region_code, a.held_on, a.title, a.organizer, a.venue, a.link, a.bases_count,
                       a.positions_offered, a.unemployed_youth, a.graduates, a.employers_served, a.youth_served,
                       (select count(*) from activity_placement p where p.activity_id = a.id),
                       (select count(*) from activity_signup g where g.activity_id = a.id)
                from activity a where""" + " " + where + " order by a.held_on desc, a.id desc limit " + size + " offset " + (long) page * size;
        return Panache.getSession().flatMap(s -> {
            var q = s.createNativeQuery(sql, Object[].class);
            extra.forEach(q::setParameter);
            if (!extra.containsKey("id")) {
                q.setParameter("region", region).setParameter("from", from).setParameter("to", to);
            }
            return q.getResultList();
        }).map(rows -> {
            List<Activity> list = new ArrayList<>();
            for (Object[] r : rows) {
                list.add(new Activity(((Number) r[0]).longValue(), (String) r[1], (String) r[2], NativeValues.date(r[3]), (String) r[4],
                        (String) r[5], (String) r[6], (String) r[7], n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]), n(r[13]),
                        n(r[14]), n(r[15])));
            }
            return list;
        });
    }

    private static void validate(Activity a) {
        Checks c = new Checks();
        c.check(a.kind() != null && KINDS.contains(a.kind()), "kind", "活动类型须为 MATCHING_ONLINE、MATCHING_OFFLINE 或 POLICY_SESSION");
        c.notBlank("regionCode", a.regionCode(), 16, "区县");
        c.check(a.heldOn() != null, "heldOn", "请填写活动日期");
        c.notBlank("title", a.title(), 200, "活动名称");
        c.notBlank("organizer", a.organizer(), 100, "主办单位");
        c.check(!"MATCHING_OFFLINE".equals(a.kind()) || (a.venue() != null && !a.venue().isBlank()), "venue", "线下活动须填写地点");
        c.check(!"MATCHING_ONLINE".equals(a.kind()) || (a.link() != null && !a.link().isBlank()), "link", "线上活动须填写链接");
        c.check(a.link() == null || a.link().isBlank() || webLink(a.link().trim()), "link",
                "链接须为 http:// 或 https:// 开头的网址（500 字以内）");
        for (Object[] f : new Object[][]{{"basesCount", a.basesCount()}, {"positionsOffered", a.positionsOffered()},
                {"unemployedYouth", a.unemployedYouth()}, {"graduates", a.graduates()},
                {"employersServed", a.employersServed()}, {"youthServed", a.youthServed()}}) {
            c.check((int) f[1] >= 0 && (int) f[1] <= 1_000_000, (String) f[0], "人数或数量须为不小于 0 的整数");
        }
        c.throwIfAnyRuleBroken();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int n(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }
}
