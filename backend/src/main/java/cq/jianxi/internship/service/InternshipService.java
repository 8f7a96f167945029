package cq.jianxi.internship.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.Masking;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.internship.domain.Internship;
import cq.jianxi.internship.domain.InternshipMonth;
import cq.jianxi.internship.domain.InternshipState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Internships (见习协议 to 去向): created by an accepted offer, signed by the base, on post from the
 * start date, then completed, retained early or ended abnormally, with the outcome afterwards; and
 * the monthly confirmations by base and intern that subsidy claims rest on.
 */
@ApplicationScoped
public class InternshipService {

    public static final ZoneId CHONGQING = ZoneId.of("Asia/Shanghai");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    @Inject
    PersonalDataCipher cipher;
    @Inject
    AuditService audit;

    /** An internship with the names shown next to it. */
    public record Row(Internship internship, String youthName, String baseName, String positionTitle, String mentorPhone) {
    }

    /** The agreement a base signs. */
    public record Agreement(String mentorName, String mentorPhone, LocalDate startDate, LocalDate plannedEnd,
                            BigDecimal monthlyAllowance) {
    }

    public static LocalDate today() {
        return LocalDate.now(CHONGQING);
    }

    /**
     * Creates the internship of an accepted offer, inside the acceptance's transaction, with a proposed
     * agreement (start tomorrow, the position's duration and allowance) that the base then signs.
     */
    public Uni<Internship> createFromOffer(long applicationId, long youthId, long positionId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select p.base_id, b.region_code, p.duration_months, p.monthly_allowance
                        from position p join base b on b.id = p.base_id where p.id = :id""", Object[].class)
                .setParameter("id", positionId).getSingleResult()).flatMap(r -> {
            LocalDate start = today().plusDays(1);
            Internship i = new Internship();
            i.applicationId = applicationId;
            i.youthId = youthId;
            i.positionId = positionId;
            i.baseId = ((Number) r[0]).longValue();
            i.regionCode = (String) r[1];
            i.startDate = start;
            i.plannedEnd = start.plusMonths(((Number) r[2]).intValue()).minusDays(1);
            i.monthlyAllowance = (BigDecimal) r[3];
            i.state = InternshipState.PENDING;
            i.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            i.updatedAt = i.createdAt;
            return unemployedGraduateOn(youthId, start).flatMap(graduate -> {
                i.unemployedGraduate = graduate;
                return i.<Internship>persist();
            });
        });
    }

    /** The base signs the agreement; the intern is on post from the start date. */
    @WithTransaction
    public Uni<Row> sign(Caller caller, long id, Agreement a) {
        caller.requireRole(Role.BASE);
        Checks checks = new Checks();
        checks.notBlank("mentorName", a.mentorName(), 50, "带教老师");
        checks.check(a.mentorPhone() == null || a.mentorPhone().isBlank() || PHONE.matcher(a.mentorPhone().trim()).matches(),
                "mentorPhone", "带教老师电话格式不正确");
        checks.check(a.startDate() != null, "startDate", "请填写见习开始日期");
        checks.check(a.plannedEnd() != null, "plannedEnd", "请填写计划结束日期");
        checks.check(a.monthlyAllowance() != null && a.monthlyAllowance().signum() >= 0 && a.monthlyAllowance().scale() <= 2,
                "monthlyAllowance", "月基本生活费须为不小于 0 的金额（元，最多两位小数）");
        checks.throwIfAny();
        checks.check(!a.plannedEnd().isBefore(a.startDate().plusMonths(3).minusDays(1))
                        && !a.plannedEnd().isAfter(a.startDate().plusMonths(12)),
                "plannedEnd", "见习期限须为开始后 3–12 个月");
        checks.check(!a.startDate().isBefore(today().minusDays(60)), "startDate", "开始日期不能早于 60 天前");
        checks.throwIfAny();
        return own(caller, id).flatMap(i -> {
            if (i.state != InternshipState.PENDING) {
                throw ApiProblem.conflict("协议已签订，当前状态：" + i.state.label());
            }
            return allowanceFloor(a.startDate().getYear()).flatMap(floor -> {
                if (a.monthlyAllowance().compareTo(floor) < 0) {
                    throw ApiProblem.invalidField("monthlyAllowance", "月基本生活费不能低于 " + floor.toPlainString() + " 元（"
                            + a.startDate().getYear() + " 年最低标准）");
                }
                i.mentorName = a.mentorName().trim();
                i.mentorPhoneEncrypted = a.mentorPhone() == null || a.mentorPhone().isBlank() ? null
                        : cipher.encrypt(a.mentorPhone().trim());
                i.startDate = a.startDate();
                i.plannedEnd = a.plannedEnd();
                i.monthlyAllowance = a.monthlyAllowance();
                i.state = InternshipState.ON_POST;
                i.agreementSignedAt = OffsetDateTime.now(ZoneOffset.UTC);
                i.updatedAt = i.agreementSignedAt;
                return unemployedGraduateOn(i.youthId, i.startDate).map(g -> {
                    i.unemployedGraduate = g;
                    return i;
                });
            });
        }).call(i -> Panache.getSession().flatMap(s -> s.flush()))
                .call(i -> audit.record(caller, AuditAction.INTERNSHIP_AGREEMENT_SIGNED, "internship", String.valueOf(id), null))
                .flatMap(i -> row(i.id));
    }

    /** Ends an internship: completed at the planned end, retained early, or ended abnormally with a reason. */
    @WithTransaction
    public Uni<Row> end(Caller caller, long id, String type, LocalDate date, String reason) {
        caller.requireRole(Role.BASE);
        Checks checks = new Checks();
        InternshipState to = checks.enumValue("type", type, InternshipState.class, "结束方式");
        checks.check(to == null || to.ended(), "type", "结束方式须为 COMPLETED、RETAINED_EARLY 或 ABNORMAL");
        checks.throwIfAny();
        return own(caller, id).flatMap(i -> {
            if (i.state != InternshipState.ON_POST) {
                throw ApiProblem.conflict("只有在岗的见习可以结束，当前状态：" + i.state.label());
            }
            LocalDate end = date != null ? date : (to == InternshipState.COMPLETED ? i.plannedEnd : null);
            Checks c = new Checks();
            c.check(end != null, "date", "请填写结束日期");
            if (end != null) {
                c.check(!end.isBefore(i.startDate), "date", "结束日期不能早于开始日期 " + i.startDate);
                c.check(!end.isAfter(today()), "date", "结束日期不能晚于今天");
                if (to == InternshipState.COMPLETED) {
                    c.check(!end.isBefore(i.plannedEnd), "date", "完成见习的日期为协议计划结束日 " + i.plannedEnd);
                } else {
                    c.check(end.isBefore(i.plannedEnd), "date", "提前留用或非正常结束须早于计划结束日 " + i.plannedEnd);
                }
            }
            if (to == InternshipState.ABNORMAL) {
                c.notBlank("reason", reason, 500, "结束原因");
            }
            c.throwIfAny();
            i.state = to;
            i.actualEnd = end;
            i.endReason = reason == null || reason.isBlank() ? null : reason.trim();
            if (to == InternshipState.RETAINED_EARLY) {
                i.outcome = "RETAINED";
                i.outcomeDate = end;
            }
            i.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return audit.record(caller, AuditAction.INTERNSHIP_ENDED, "internship", String.valueOf(id), to.name())
                    .replaceWith(i);
        }).call(i -> Panache.getSession().flatMap(s -> s.flush())).flatMap(i -> row(i.id));
    }

    /** After completion: retained by the base, employed elsewhere (with the channel) or not employed. */
    @WithTransaction
    public Uni<Row> outcome(Caller caller, long id, String outcome, String channel, LocalDate date) {
        caller.requireRole(Role.BASE, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        Checks checks = new Checks();
        checks.check(outcome != null && List.of("RETAINED", "EMPLOYED_ELSEWHERE", "NOT_EMPLOYED").contains(outcome),
                "outcome", "去向须为 RETAINED、EMPLOYED_ELSEWHERE 或 NOT_EMPLOYED");
        checks.check(!"EMPLOYED_ELSEWHERE".equals(outcome)
                        || List.of("BASE_RECOMMENDATION", "PUBLIC_SERVICE", "OWN_SEARCH").contains(channel),
                "channel", "其他方式就业须注明途径：BASE_RECOMMENDATION、PUBLIC_SERVICE 或 OWN_SEARCH");
        checks.throwIfAny();
        return visible(caller, id, true).flatMap(i -> {
            if (i.state != InternshipState.COMPLETED) {
                throw ApiProblem.conflict("只有完成见习的人员需要登记去向，当前状态：" + i.state.label());
            }
            i.outcome = outcome;
            i.outcomeChannel = "EMPLOYED_ELSEWHERE".equals(outcome) ? channel : null;
            i.outcomeDate = date != null ? date : today();
            i.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return audit.record(caller, AuditAction.INTERNSHIP_OUTCOME_RECORDED, "internship", String.valueOf(id), outcome)
                    .replaceWith(i);
        }).call(i -> Panache.getSession().flatMap(s -> s.flush())).flatMap(i -> row(i.id));
    }

    /** Follow-up of the outcome three and six months after the end. */
    @WithTransaction
    public Uni<Row> followUp(Caller caller, long id, Integer months, Boolean employed, String note) {
        caller.requireRole(Role.BASE, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        new Checks().check(months != null && (months == 3 || months == 6), "months", "回访时点须为 3 或 6 个月")
                .check(employed != null, "employed", "请填写是否就业")
                .check(note == null || note.length() <= 500, "note", "备注不能超过 500 个字符").throwIfAny();
        return visible(caller, id, true).flatMap(i -> {
            if (i.state != InternshipState.COMPLETED && i.state != InternshipState.RETAINED_EARLY) {
                throw ApiProblem.conflict("只有完成见习的人员需要回访");
            }
            return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                            insert into internship_follow_up (internship_id, months, employed, note, recorded_by)
                            values (:id, :months, :employed, :note, :by)
                            on conflict (internship_id, months) do update set employed = excluded.employed,
                                note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = now()""")
                    .setParameter("id", id).setParameter("months", months).setParameter("employed", employed)
                    .setParameter("note", note).setParameter("by", caller.username()).executeUpdate());
        }).flatMap(x -> row(id));
    }

    /**
     * Confirms a month: the base with the days present, the intern on their phone. A month outside
     * the internship, in the future, or after an abnormal end cannot be confirmed.
     */
    @WithTransaction
    public Uni<InternshipMonth> confirm(Caller caller, long id, String monthText, Integer daysPresent) {
        caller.requireRole(Role.BASE, Role.YOUTH);
        YearMonth month = parseMonth(monthText);
        return visible(caller, id, false).flatMap(i -> {
            requireMonthInside(i, month);
            if (caller.is(Role.BASE)) {
                int max = daysInside(i, month);
                new Checks().check(daysPresent != null && daysPresent >= 0 && daysPresent <= max, "daysPresent",
                        "在岗天数须在 0 到 " + max + " 之间").throwIfAny();
            }
            return InternshipMonth.<InternshipMonth>findById(key(id, month), LockModeType.PESSIMISTIC_WRITE).flatMap(m -> {
                InternshipMonth row = m != null ? m : new InternshipMonth();
                row.internshipId = id;
                row.month = month.atDay(1);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                if (caller.is(Role.BASE)) {
                    row.daysPresent = daysPresent;
                    row.baseConfirmedAt = now;
                    row.baseConfirmedBy = caller.username();
                } else {
                    row.youthConfirmedAt = now;
                    row.youthFlaggedAt = null;
                    row.youthFlagReason = null;
                }
                Uni<InternshipMonth> saved = m != null ? Uni.createFrom().item(row) : row.persist();
                return saved.call(x -> audit.record(caller, AuditAction.INTERNSHIP_MONTH_CONFIRMED, "internship",
                        String.valueOf(id), month.toString()));
            });
        });
    }

    /** The intern marks a month they did not work; it can then not be claimed. */
    @WithTransaction
    public Uni<InternshipMonth> flag(Caller caller, long id, String monthText, String reason) {
        caller.requireRole(Role.YOUTH);
        YearMonth month = parseMonth(monthText);
        new Checks().notBlank("reason", reason, 500, "说明").throwIfAny();
        return visible(caller, id, false).flatMap(i -> {
            requireMonthInside(i, month);
            return InternshipMonth.<InternshipMonth>findById(key(id, month), LockModeType.PESSIMISTIC_WRITE).flatMap(m -> {
                InternshipMonth row = m != null ? m : new InternshipMonth();
                row.internshipId = id;
                row.month = month.atDay(1);
                row.youthConfirmedAt = null;
                row.youthFlaggedAt = OffsetDateTime.now(ZoneOffset.UTC);
                row.youthFlagReason = reason.trim();
                Uni<InternshipMonth> saved = m != null ? Uni.createFrom().item(row) : row.persist();
                return saved.call(x -> audit.record(caller, AuditAction.INTERNSHIP_MONTH_FLAGGED, "internship",
                        String.valueOf(id), month + "：" + reason.trim()));
            });
        });
    }

    @WithSession
    public Uni<List<InternshipMonth>> months(Caller caller, long id) {
        return visible(caller, id, false)
                .flatMap(i -> InternshipMonth.<InternshipMonth>list("internshipId = ?1 order by month", id));
    }

    @WithSession
    public Uni<Row> get(Caller caller, long id) {
        return visible(caller, id, false).flatMap(i -> row(id));
    }

    /** Internships in the caller's scope, filtered by state, region, base, or being on post during a month. */
    @WithSession
    public Uni<List<Row>> list(Caller caller, String state, String regionCode, Long baseId, String month) {
        Checks checks = new Checks();
        InternshipState st = state == null || state.isBlank() ? null
                : checks.enumValue("state", state, InternshipState.class, "见习状态");
        checks.throwIfAny();
        YearMonth ym = month == null || month.isBlank() ? null : parseMonth(month);
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
            where.append(" and i.state <> :pending and i.startDate <= :monthEnd and (i.actualEnd is null or i.actualEnd >= :monthStart)");
            params.put("pending", InternshipState.PENDING);
            params.put("monthEnd", ym.atEndOfMonth());
            params.put("monthStart", ym.atDay(1));
        }
        return query(where.toString(), params);
    }

    // ---- helpers ----

    private Uni<Internship> own(Caller caller, long id) {
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

    private Uni<Internship> visible(Caller caller, long id, boolean forUpdate) {
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

    private static void requireMonthInside(Internship i, YearMonth month) {
        if (i.state == InternshipState.PENDING) {
            throw ApiProblem.conflict("见习协议尚未签订");
        }
        LocalDate last = i.actualEnd != null ? i.actualEnd : i.plannedEnd;
        if (month.isBefore(YearMonth.from(i.startDate)) || month.isAfter(YearMonth.from(last))) {
            throw ApiProblem.invalidField("month", "该月不在见习期内（" + i.startDate + " 至 " + last + "）");
        }
        if (month.isAfter(YearMonth.from(today()))) {
            throw ApiProblem.invalidField("month", "不能确认未来的月份");
        }
    }

    /** The number of days of the month that fall inside the internship. */
    static int daysInside(Internship i, YearMonth month) {
        LocalDate from = i.startDate.isAfter(month.atDay(1)) ? i.startDate : month.atDay(1);
        LocalDate last = i.actualEnd != null ? i.actualEnd : i.plannedEnd;
        LocalDate to = last.isBefore(month.atEndOfMonth()) ? last : month.atEndOfMonth();
        return (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
    }

    public static YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("month", "月份格式应为 YYYY-MM");
        }
    }

    private static InternshipMonth.Key key(long id, YearMonth month) {
        InternshipMonth.Key k = new InternshipMonth.Key();
        k.internshipId = id;
        k.month = month.atDay(1);
        return k;
    }

    private Uni<BigDecimal> allowanceFloor(int year) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select allowance_floor from subsidy_rate where year = :year", BigDecimal.class)
                .setParameter("year", year).getSingleResultOrNull()).map(floor -> {
            if (floor == null) {
                throw ApiProblem.conflict(year + " 年的见习补贴标准和生活费下限尚未设置，请联系市人社局");
            }
            return floor;
        });
    }

    /** Unemployed college graduate within two years of graduation on the day they arrive. */
    private Uni<Boolean> unemployedGraduateOn(long youthId, LocalDate day) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select count(*) from youth where id = :id and education in ('JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR')
                          and graduation_date <= :day and graduation_date > :twoYearsBefore""", Long.class)
                .setParameter("id", youthId).setParameter("day", day).setParameter("twoYearsBefore", day.minusYears(2))
                .getSingleResult()).map(n -> n > 0);
    }

    private Uni<Row> row(long id) {
        return query(" and i.id = :id", Map.of("id", id)).map(list -> list.isEmpty() ? null : list.get(0));
    }

    private Uni<List<Row>> query(String where, Map<String, Object> params) {
        String hql = "select i, y.name, b.name, p.title from Internship i, Youth y, Base b, Position p"
                + " where y.id = i.youthId and b.id = i.baseId and p.id = i.positionId" + where
                + " order by i.startDate desc, i.id desc";
        return Panache.getSession().flatMap(s -> {
            var q = s.createSelectionQuery(hql, Object[].class);
            params.forEach(q::setParameter);
            return q.setMaxResults(1000).getResultList();
        }).map(rows -> rows.stream().map(r -> {
            Internship i = (Internship) r[0];
            return new Row(i, (String) r[1], (String) r[2], (String) r[3],
                    Masking.phone(cipher.decrypt(i.mentorPhoneEncrypted)));
        }).toList());
    }
}
