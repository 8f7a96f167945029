package cq.jianxi.internship.service;

import cq.jianxi.common.crypto.Masking;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.Months;
import cq.jianxi.internship.domain.Internship;
import cq.jianxi.internship.domain.InternshipState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who may see or change which internship, and the rows the terminals show. */
@ApplicationScoped
public class InternshipAccess {

    private static final String ORDER = "i.startDate desc, i.id desc";

    @Inject
    PersonalDataCipher cipher;

    /** An internship with the names shown next to it. */
    public record Row(Internship internship, String youthName, String baseName, String positionTitle, String mentorPhone) {
    }

    /** One internship; its intern sees the mentor's full phone, everyone else a masked one. */
    @WithSession
    public Uni<Row> get(Caller caller, long id) {
        return visible(caller, id, false).flatMap(i -> query(" and i.id = :id", Map.of("id", i.id), ORDER, 0, 1,
                mentorPhoneInFull(caller))).map(list -> list.isEmpty() ? null : list.get(0));
    }

    /**
     * The intern calls their mentor (带教老师) about the daily work, so a young person's own internships show
     * the mentor's phone in full; a youth caller only ever reads their own (checked by the callers of this).
     */
    private static boolean mentorPhoneInFull(Caller caller) {
        return caller.is(Role.YOUTH);
    }

    public static final int MAX_PAGE_SIZE = 200;

    /** One page of internships with the total count of matches. */
    public record Page(List<Row> items, long total, int page, int size) {
    }

    /** Internships in the caller's scope, filtered by state, region, base, or being on post during a month. */
    @WithSession
    public Uni<Page> list(Caller caller, String state, String regionCode, Long baseId, String month, int page, int size) {
        Checks checks = new Checks();
        checks.page(page, size, MAX_PAGE_SIZE);
        InternshipState st = state == null || state.isBlank() ? null
                : checks.enumValue("state", state, InternshipState.class, "见习状态");
        checks.throwIfAny();
        YearMonth ym = month == null || month.isBlank() ? null : Months.parse(month);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        switch (caller.role()) {
            case YOUTH -> {
                where.append(" and i.youthId = :youth");
                params.put("youth", caller.youthId());
            }
            case BASE -> {
                where.append(" and i.baseId = :base");
                params.put("base", caller.baseId());
            }
            case DISTRICT_ADMIN -> {
                if (regionCode != null && !regionCode.isBlank()) {
                    caller.requireRegion(regionCode);
                }
                where.append(" and i.regionCode = :region");
                params.put("region", caller.regionCode());
            }
            case CITY_ADMIN, DEPARTMENT -> {
                if (regionCode != null && !regionCode.isBlank()) {
                    where.append(" and i.regionCode = :region");
                    params.put("region", regionCode.trim());
                }
            }
        }
        if (st != null) {
            where.append(" and i.state = :state");
            params.put("state", st);
        }
        if (baseId != null) {
            where.append(" and i.baseId = :baseId");
            params.put("baseId", baseId);
        }
        if (ym != null) {
            // On post at some point of the month: arrived by its end and not ended before it began.
            where.append(" and i.arrivedOn <= :monthEnd and (i.actualEnd is null or i.actualEnd >= :monthStart)");
            params.put("monthEnd", ym.atEndOfMonth());
            params.put("monthStart", ym.atDay(1));
        }
        String hqlWhere = where.toString();
        return query(hqlWhere, params, ORDER, page, size, mentorPhoneInFull(caller))
                .flatMap(items -> count(hqlWhere, params).map(total -> new Page(items, total, page, size)));
    }

    /** Loads an internship of the caller's own base, locked for a change. */
    Uni<Internship> own(Caller caller, long id) {
        return Internship.<Internship>findById(id, LockModeType.PESSIMISTIC_WRITE).map(i -> {
            if (i == null) {
                throw ApiProblem.notFound("见习记录不存在");
            }
            if (!i.baseId.equals(caller.baseId())) {
                throw ApiProblem.forbidden("只能操作本基地的见习人员");
            }
            return i;
        });
    }

    /** Loads an internship for a change by its base or by the staff of its region (offline records, corrections). */
    Uni<Internship> editable(Caller caller, long id) {
        caller.requireRole(Role.BASE, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        return caller.is(Role.BASE) ? own(caller, id) : visible(caller, id, true);
    }

    Uni<Internship> visible(Caller caller, long id, boolean forUpdate) {
        Uni<Internship> load = forUpdate ? Internship.findById(id, LockModeType.PESSIMISTIC_WRITE) : Internship.findById(id);
        return load.map(i -> {
            if (i == null) {
                throw ApiProblem.notFound("见习记录不存在");
            }
            switch (caller.role()) {
                case YOUTH -> {
                    if (!i.youthId.equals(caller.youthId())) {
                        throw ApiProblem.forbidden("只能查看本人的见习");
                    }
                }
                case BASE -> {
                    if (!i.baseId.equals(caller.baseId())) {
                        throw ApiProblem.forbidden("只能查看本基地的见习人员");
                    }
                }
                default -> caller.requireRegion(i.regionCode);
            }
            return i;
        });
    }

    Uni<Row> row(long id) {
        return query(" and i.id = :id", Map.of("id", id), ORDER, 0, 1).map(list -> list.isEmpty() ? null : list.get(0));
    }

    private static final String FROM = " from Internship i, Youth y, Base b, Position p"
            + " where y.id = i.youthId and b.id = i.baseId and p.id = i.positionId";

    private Uni<Long> count(String where, Map<String, Object> params) {
        return Panache.getSession().flatMap(s -> {
            var q = s.createSelectionQuery("select count(i)" + FROM + where, Long.class);
            params.forEach(q::setParameter);
            return q.getSingleResult();
        });
    }

    /** One page of rows in the given order, the mentor's phone masked. */
    Uni<List<Row>> query(String where, Map<String, Object> params, String order, int page, int size) {
        return query(where, params, order, page, size, false);
    }

    private Uni<List<Row>> query(String where, Map<String, Object> params, String order, int page, int size,
                                 boolean mentorPhoneInFull) {
        String hql = "select i, y.name, b.name, p.title" + FROM + where + " order by " + order;
        return Panache.getSession().flatMap(s -> {
            var q = s.createSelectionQuery(hql, Object[].class);
            params.forEach(q::setParameter);
            return q.setFirstResult(page * size).setMaxResults(size).getResultList();
        }).map(rows -> rows.stream().map(r -> {
            Internship i = (Internship) r[0];
            String mentorPhone = cipher.decrypt(i.mentorPhoneEncrypted);
            return new Row(i, (String) r[1], (String) r[2], (String) r[3],
                    mentorPhoneInFull ? mentorPhone : Masking.phone(mentorPhone));
        }).toList());
    }
}
