package cq.jianxi.subsidy.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.time.Months;
import cq.jianxi.internship.service.MonthConfirmationService;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.internship.domain.Internship;
import cq.jianxi.internship.domain.InternshipMonth;
import cq.jianxi.internship.domain.InternshipState;
import cq.jianxi.organization.service.Organizations;
import cq.jianxi.subsidy.domain.SubsidyClaim;
import cq.jianxi.subsidy.domain.SubsidyRate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Subsidy claims (见习补贴申领): a base's claim for a month both the base and the intern confirmed, and the
 * district's review. Rates are {@link SubsidyRates}, payments {@link SubsidyPayments}. Amounts are decimals in
 * 元 with two places; claim rows are locked so concurrent reviews cannot double-count.
 */
@ApplicationScoped
public class SubsidyService {

    @Inject
    AppClock clock;
    @Inject
    AuditService audit;
    @Inject
    SubsidyNotices notices;
    @Inject
    Organizations organizations;

    /** A claim with the names shown next to it and what has been paid on it. */
    public record Row(SubsidyClaim claim, String youthName, String baseName, BigDecimal paid) {
    }

    // ---- claims ----

    /**
     * A base claims one confirmed month of one intern. The amount is the year's monthly standard (the
     * higher one when the base retains at least the threshold share of its completed interns), plus the
     * accident-insurance allowance with the intern's first claim.
     */
    @WithTransaction
    public Uni<Row> claim(Caller caller, Long internshipId, String monthText) {
        caller.requireRole(Role.BASE);
        if (internshipId == null) {
            throw ApiProblem.invalidField("internshipId", "请选择见习人员");
        }
        YearMonth month = Months.parse(monthText);
        return Internship.<Internship>findById(internshipId, LockModeType.PESSIMISTIC_WRITE).flatMap(i -> {
            if (i == null) {
                throw ApiProblem.ruleAt("internshipId", "见习记录不存在");
            }
            if (!i.baseId.equals(caller.baseId())) {
                throw ApiProblem.forbidden("只能为本基地的见习人员申领补贴");
            }
            if (i.state == InternshipState.ABNORMAL && month.isAfter(YearMonth.from(i.actualEnd))) {
                throw ApiProblem.invalidField("month", "见习已于 " + i.actualEnd + " 非正常结束，之后的月份不能申领");
            }
            MonthConfirmationService.requireConfirmable(i, month, clock.today());
            return baseStatus(i.baseId).flatMap(status -> {
                if (!"APPROVED".equals(status)) {
                    throw ApiProblem.conflict("见习基地备案已撤销或未通过，不能申领补贴");
                }
                InternshipMonth.Key key = new InternshipMonth.Key();
                key.internshipId = internshipId;
                key.month = month.atDay(1);
                return InternshipMonth.<InternshipMonth>findById(key);
            }).flatMap(m -> {
                if (m != null && m.youthFlaggedAt != null) {
                    throw ApiProblem.invalidField("month", "见习人员标记 " + month + " 未在岗，不能申领");
                }
                if (m == null || m.baseConfirmedAt == null || m.youthConfirmedAt == null) {
                    throw ApiProblem.invalidField("month", month + " 尚未经基地和见习人员双方确认，不能申领");
                }
                return amountFor(i, month);
            }).flatMap(amount -> {
                SubsidyClaim claim = new SubsidyClaim();
                claim.internshipId = internshipId;
                claim.month = month.atDay(1);
                claim.baseId = i.baseId;
                claim.regionCode = i.regionCode;
                claim.status = "SUBMITTED";
                claim.requestedAmount = amount;
                claim.submittedAt = clock.now();
                return claim.<SubsidyClaim>persist();
            });
        }).call(c -> audit.record(caller, AuditAction.SUBSIDY_CLAIMED, "subsidy_claim", String.valueOf(c.id),
                YearMonth.from(c.month) + " " + c.requestedAmount)).call(notices::claimed).flatMap(c -> row(c.id));
    }

    private Uni<BigDecimal> amountFor(Internship i, YearMonth month) {
        return SubsidyRate.<SubsidyRate>findById(month.getYear()).flatMap(rate -> {
            if (rate == null) {
                throw ApiProblem.conflict(month.getYear() + " 年的见习补贴标准尚未设置");
            }
            return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                            select count(*) filter (where state = 'RETAINED_EARLY' or (state = 'COMPLETED' and outcome = 'RETAINED')),
                                   count(*) filter (where state in ('COMPLETED', 'RETAINED_EARLY')),
                                   (select count(*) from subsidy_claim c where c.internship_id = :internship and c.status <> 'REJECTED')
                            from internship where base_id = :base""", Object[].class)
                    .setParameter("base", i.baseId).setParameter("internship", i.id).getSingleResult()).map(r -> {
                long retained = ((Number) r[0]).longValue();
                long completed = ((Number) r[1]).longValue();
                boolean firstClaim = ((Number) r[2]).longValue() == 0;
                boolean highRetention = completed > 0 && BigDecimal.valueOf(retained)
                        .divide(BigDecimal.valueOf(completed), 4, RoundingMode.HALF_UP).compareTo(rate.retentionThreshold) >= 0;
                BigDecimal amount = highRetention ? rate.highRetentionMonthly : rate.standardMonthly;
                return (firstClaim ? amount.add(rate.insurancePerPerson) : amount).setScale(2, RoundingMode.UNNECESSARY);
            });
        });
    }

    /** The district admin of the claim's region approves it, with an amount up to the requested one. */
    @WithTransaction
    public Uni<Row> approve(Caller caller, long id, BigDecimal amount) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        return lockedInScope(caller, id).flatMap(c -> {
            if (!"SUBMITTED".equals(c.status)) {
                throw ApiProblem.conflict("该申领已处理，当前状态：" + label(c.status));
            }
            BigDecimal approved = amount != null ? amount : c.requestedAmount;
            new Checks().check(SubsidyRates.money(approved) && approved.compareTo(c.requestedAmount) <= 0, "amount",
                    "核定金额须为 0 到申领金额 " + c.requestedAmount + " 元之间（两位小数）").throwIfAny();
            c.status = "APPROVED";
            c.approvedAmount = approved.setScale(2, RoundingMode.UNNECESSARY);
            c.decidedAt = clock.now();
            c.decidedBy = caller.username();
            return audit.record(caller, AuditAction.SUBSIDY_APPROVED, "subsidy_claim", String.valueOf(id),
                    c.approvedAmount.toPlainString()).call(x -> notices.approved(c)).replaceWith(c);
        }).flatMap(c -> row(c.id));
    }

    @WithTransaction
    public Uni<Row> reject(Caller caller, long id, String reason) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        new Checks().notBlank("reason", reason, 500, "驳回理由").throwIfAny();
        return lockedInScope(caller, id).flatMap(c -> {
            if (!"SUBMITTED".equals(c.status)) {
                throw ApiProblem.conflict("该申领已处理，当前状态：" + label(c.status));
            }
            c.status = "REJECTED";
            c.rejectReason = reason.trim();
            c.decidedAt = clock.now();
            c.decidedBy = caller.username();
            return audit.record(caller, AuditAction.SUBSIDY_REJECTED, "subsidy_claim", String.valueOf(id), reason.trim())
                    .call(x -> notices.rejected(c)).replaceWith(c);
        }).flatMap(c -> row(c.id));
    }

    public static final int MAX_PAGE_SIZE = 200;

    /** One page of claims with the total count of matches. */
    public record Page(List<Row> items, long total, int page, int size) {
    }

    /** Claims in the caller's scope, newest month first, one page at a time. */
    @WithSession
    public Uni<Page> list(Caller caller, String status, String regionCode, Long internshipId, int page, int size) {
        new Checks().page(page, size, MAX_PAGE_SIZE).throwIfAny();
        Map<String, Object> params = new HashMap<>();
        String where = scope(caller, status, regionCode, internshipId, params);
        return query(where, params, page, size)
                .flatMap(items -> count(where, params).map(total -> new Page(items, total, page, size)));
    }

    /** Whether the claim is one the caller may see: one scoped count, whatever the number of claims in scope. */
    Uni<Boolean> visible(Caller caller, long claimId) {
        Map<String, Object> params = new HashMap<>();
        String where = scope(caller, null, null, null, params) + " and c.id = :claim";
        params.put("claim", claimId);
        return count(where, params).map(n -> n > 0);
    }

    /** The HQL condition (over c, i, y, b) of the claims a caller may see, with the filters. */
    private static String scope(Caller caller, String status, String regionCode, Long internshipId, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        switch (caller.role()) {
            case BASE -> {
                where.append(" and c.baseId = :base");
                params.put("base", caller.baseId());
            }
            case YOUTH -> {
                where.append(" and i.youthId = :youth");
                params.put("youth", caller.youthId());
            }
            case DISTRICT_ADMIN -> {
                if (regionCode != null && !regionCode.isBlank()) {
                    caller.requireRegion(regionCode);
                }
                where.append(" and c.regionCode = :region");
                params.put("region", caller.regionCode());
            }
            case CITY_ADMIN, DEPARTMENT -> {
                if (regionCode != null && !regionCode.isBlank()) {
                    where.append(" and c.regionCode = :region");
                    params.put("region", regionCode.trim());
                }
            }
        }
        if (status != null && !status.isBlank()) {
            new Checks().check(List.of("SUBMITTED", "APPROVED", "REJECTED", "PAID").contains(status), "status",
                    "申领状态取值不正确").throwIfAny();
            where.append(" and c.status = :status");
            params.put("status", status);
        }
        if (internshipId != null) {
            where.append(" and c.internshipId = :internship");
            params.put("internship", internshipId);
        }
        return where.toString();
    }

    /** A region's subsidy figures for a year, in 元. */
    public record RegionTotal(String regionCode, String regionName, BigDecimal requested, BigDecimal approved,
                              BigDecimal paid) {
    }

    /** Per-region totals of claims and payments in a year (payments by payment date, claims by month). */
    @WithSession
    public Uni<List<RegionTotal>> totals(Caller caller, int year) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        String only = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select r.code, r.short_name,
                               coalesce((select sum(c.requested_amount) from subsidy_claim c where c.region_code = r.code
                                         and c.status <> 'REJECTED' and extract(year from c.month) = :year), 0),
                               coalesce((select sum(c.approved_amount) from subsidy_claim c where c.region_code = r.code
                                         and c.status in ('APPROVED', 'PAID') and extract(year from c.month) = :year), 0),
                               coalesce((select sum(d.amount) from disbursement d where d.region_code = r.code
                                         and extract(year from d.paid_on) = :year), 0)
                        from region r where cast(:region as varchar) is null or r.code = :region order by r.seq""", Object[].class)
                .setParameter("year", year).setParameter("region", only).getResultList())
                .map(rows -> rows.stream().map(r -> new RegionTotal((String) r[0], (String) r[1], (BigDecimal) r[2],
                        (BigDecimal) r[3], (BigDecimal) r[4])).toList());
    }

    /** One line of a batch payment upload. */
    public record PaymentLine(int row, Long claimId, LocalDate paidOn, BigDecimal amount, String fundingLevel) {
    }

    /** The claim, locked, when the caller's region covers it. */
    Uni<SubsidyClaim> lockedInScope(Caller caller, long id) {
        return SubsidyClaim.<SubsidyClaim>findById(id, LockModeType.PESSIMISTIC_WRITE).map(c -> {
            if (c == null) {
                throw ApiProblem.notFound("申领不存在");
            }
            caller.requireRegion(c.regionCode);
            return c;
        });
    }

    private Uni<String> baseStatus(long baseId) {
        return organizations.base(baseId).map(b -> b == null ? null : b.status.name());
    }

    Uni<Row> row(long id) {
        return query(" and c.id = :id", Map.of("id", id), 0, 1).map(list -> list.isEmpty() ? null : list.get(0));
    }

    private static final String FROM = " from SubsidyClaim c, Internship i, Youth y, Base b"
            + " where i.id = c.internshipId and y.id = i.youthId and b.id = c.baseId";

    private Uni<Long> count(String where, Map<String, Object> params) {
        return Panache.getSession().flatMap(s -> {
            var q = s.createSelectionQuery("select count(c)" + FROM + where, Long.class);
            params.forEach(q::setParameter);
            return q.getSingleResult();
        });
    }

    private Uni<List<Row>> query(String where, Map<String, Object> params, int page, int size) {
        String hql = "select c, y.name, b.name, (select coalesce(sum(d.amount), 0) from Disbursement d where d.claimId = c.id)"
                + FROM + where + " order by c.month desc, c.id desc";
        return Panache.getSession().flatMap(s -> {
            var q = s.createSelectionQuery(hql, Object[].class);
            params.forEach(q::setParameter);
            return q.setFirstResult(page * size).setMaxResults(size).getResultList();
        }).map(rows -> rows.stream().map(r -> new Row((SubsidyClaim) r[0], (String) r[1], (String) r[2],
                (BigDecimal) r[3])).toList());
    }

    public static String label(String status) {
        return switch (status) {
            case "SUBMITTED" -> "待审核";
            case "APPROVED" -> "已核定";
            case "REJECTED" -> "已驳回";
            case "PAID" -> "已拨付";
            default -> status;
        };
    }
}
