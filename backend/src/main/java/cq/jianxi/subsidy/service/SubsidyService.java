package cq.jianxi.subsidy.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.time.Months;
import cq.jianxi.internship.service.MonthConfirmationService;
import cq.jianxi.common.persistence.NativeValues;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.internship.domain.Internship;
import cq.jianxi.internship.domain.InternshipMonth;
import cq.jianxi.internship.domain.InternshipState;
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
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Internship subsidies (见习补贴): yearly rates kept by the city, a base's claim for a month both the
 * base and the intern confirmed, the district's review, and the payments by funding level. Amounts are
 * decimals in 元 with two places; claim and payment rows are locked so concurrent reviews cannot
 * double-count.
 */
@ApplicationScoped
public class SubsidyService {

    @Inject
    AppClock clock;
    @Inject
    AuditService audit;
    @Inject
    SubsidyNotices notices;

    /** A claim with the names shown next to it and what has been paid on it. */
    public record Row(SubsidyClaim claim, String youthName, String baseName, BigDecimal paid) {
    }

    /** One payment. */
    public record Payment(LocalDate paidOn, BigDecimal amount, String fundingLevel) {
    }

    // ---- rates ----

    @WithSession
    public Uni<List<SubsidyRate>> rates() {
        return SubsidyRate.list("order by year desc");
    }

    @WithTransaction
    public Uni<SubsidyRate> setRate(Caller caller, int year, BigDecimal standard, BigDecimal high, BigDecimal threshold,
                                   BigDecimal insurance, BigDecimal floor) {
        caller.requireRole(Role.CITY_ADMIN);
        Checks c = new Checks();
        c.check(year >= 2000 && year <= 2100, "year", "年度须在 2000 到 2100 之间");
        c.check(money(standard) && standard.signum() > 0, "standardMonthly", "月补贴标准须为大于 0 的金额（两位小数）");
        c.check(money(high) && standard != null && high.compareTo(standard) >= 0, "highRetentionMonthly", "高留用率标准须不低于普通标准");
        c.check(threshold != null && threshold.signum() > 0 && threshold.compareTo(BigDecimal.ONE) <= 0, "retentionThreshold", "留用率门槛须在 0 到 1 之间");
        c.check(money(insurance), "insurancePerPerson", "意外伤害保险补贴须为不小于 0 的金额");
        c.check(money(floor), "allowanceFloor", "生活费下限须为不小于 0 的金额");
        c.throwIfAnyRuleBroken();
        return SubsidyRate.<SubsidyRate>findById(year, LockModeType.PESSIMISTIC_WRITE).flatMap(existing -> {
            SubsidyRate r = existing != null ? existing : new SubsidyRate();
            r.year = year;
            r.standardMonthly = standard;
            r.highRetentionMonthly = high;
            r.retentionThreshold = threshold;
            r.insurancePerPerson = insurance;
            r.allowanceFloor = floor;
            r.updatedAt = clock.now();
            r.updatedBy = caller.username();
            Uni<SubsidyRate> saved = existing != null ? Uni.createFrom().item(r) : r.persist();
            return saved.call(x -> audit.record(caller, AuditAction.SUBSIDY_RATE_CHANGED, "subsidy_rate",
                    String.valueOf(year), standard + "/" + high + "/" + insurance + "/" + floor));
        });
    }

    /** An amount in yuan: not negative, at most two decimals, at most ten million (the columns hold no more). */
    private static boolean money(BigDecimal v) {
        return v != null && v.signum() >= 0 && v.scale() <= 2 && v.compareTo(BigDecimal.valueOf(10_000_000)) <= 0;
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
                throw ApiProblem.invalidField("internshipId", "见习记录不存在");
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
            new Checks().check(money(approved) && approved.compareTo(c.requestedAmount) <= 0, "amount",
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

    /** Records a payment; the claim is paid once its payments add up to the approved amount, never more. */
    @WithTransaction
    public Uni<Row> disburse(Caller caller, long id, LocalDate paidOn, BigDecimal amount, String fundingLevel) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        new Checks().check(paidOn != null && !paidOn.isAfter(clock.today()), "paidOn", "请填写拨付日期（不能晚于今天）")
                .check(money(amount) && amount != null && amount.signum() > 0, "amount", "拨付金额须为大于 0 的金额（两位小数）")
                .check(fundingLevel != null && List.of("CENTRAL", "CITY", "DISTRICT").contains(fundingLevel), "fundingLevel",
                        "资金层级须为 CENTRAL（中央）、CITY（市级）或 DISTRICT（区县级）")
                .throwIfAnyRuleBroken();
        return lockedInScope(caller, id).flatMap(c -> {
            if (!"APPROVED".equals(c.status)) {
                throw ApiProblem.conflict("只有审核通过且未付清的申领可以登记拨付，当前状态：" + label(c.status));
            }
            LocalDate approvedOn = AppClock.dateOf(c.decidedAt);
            if (paidOn.isBefore(approvedOn)) {
                throw ApiProblem.invalidField("paidOn", "拨付日期不能早于申领审核通过日期 " + approvedOn);
            }
            return paid(id).flatMap(already -> {
                BigDecimal total = already.add(amount);
                if (total.compareTo(c.approvedAmount) > 0) {
                    throw ApiProblem.invalidField("amount", "拨付合计 " + total + " 元将超过核定金额 " + c.approvedAmount + " 元");
                }
                if (total.compareTo(c.approvedAmount) == 0) {
                    c.status = "PAID";
                }
                return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                                insert into disbursement (claim_id, region_code, paid_on, amount, funding_level, recorded_by)
                                values (:claim, :region, :paidOn, :amount, :level, :by)""")
                        .setParameter("claim", id).setParameter("region", c.regionCode).setParameter("paidOn", paidOn)
                        .setParameter("amount", amount).setParameter("level", fundingLevel)
                        .setParameter("by", caller.username()).executeUpdate())
                        .call(x -> notices.paid(c, amount, total));
            }).call(x -> audit.record(caller, AuditAction.SUBSIDY_DISBURSED, "subsidy_claim", String.valueOf(id),
                    amount.toPlainString() + " " + fundingLevel)).replaceWith(c);
        }).flatMap(c -> row(c.id));
    }

    @WithSession
    public Uni<List<Row>> list(Caller caller, String status, String regionCode, Long internshipId) {
        Map<String, Object> params = new HashMap<>();
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
        return query(where.toString(), params);
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

    /** Records a batch of payments, all or nothing: any bad line refuses the whole file. */
    @WithTransaction
    public Uni<Integer> disburseAll(Caller caller, List<PaymentLine> lines) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (PaymentLine line : lines) {
            chain = chain.flatMap(n -> recordPayment(caller, line).replaceWith(n + 1));
        }
        return chain;
    }

    private Uni<Void> recordPayment(Caller caller, PaymentLine line) {
        String where = "第 " + line.row() + " 行：";
        if (line.claimId() == null || line.paidOn() == null || line.paidOn().isAfter(clock.today())
                || !money(line.amount()) || line.amount().signum() <= 0
                || !List.of("CENTRAL", "CITY", "DISTRICT").contains(line.fundingLevel())) {
            throw ApiProblem.unprocessable(where + "申领编号、拨付日期、金额或资金层级不正确",
                    List.of(cq.jianxi.common.problem.Violation.inFile(line.row(), "file", "申领编号、拨付日期、金额或资金层级不正确")));
        }
        return SubsidyClaim.<SubsidyClaim>findById(line.claimId(), LockModeType.PESSIMISTIC_WRITE).flatMap(c -> {
            if (c == null || (caller.is(Role.DISTRICT_ADMIN) && !c.regionCode.equals(caller.regionCode()))) {
                throw ApiProblem.unprocessable(where + "申领不存在或不在本区县",
                        List.of(cq.jianxi.common.problem.Violation.inFile(line.row(), "claimId", "申领不存在或不在本区县")));
            }
            if (!"APPROVED".equals(c.status)) {
                throw ApiProblem.unprocessable(where + "申领状态为" + label(c.status),
                        List.of(cq.jianxi.common.problem.Violation.inFile(line.row(), "claimId", "申领状态为" + label(c.status))));
            }
            LocalDate approvedOn = AppClock.dateOf(c.decidedAt);
            if (line.paidOn().isBefore(approvedOn)) {
                throw ApiProblem.unprocessable(where + "拨付日期早于审核通过日期",
                        List.of(cq.jianxi.common.problem.Violation.inFile(line.row(), "paidOn", "拨付日期不能早于申领审核通过日期 " + approvedOn)));
            }
            return paid(c.id).flatMap(already -> {
                BigDecimal total = already.add(line.amount());
                if (total.compareTo(c.approvedAmount) > 0) {
                    throw ApiProblem.unprocessable(where + "拨付合计超过核定金额",
                            List.of(cq.jianxi.common.problem.Violation.inFile(line.row(), "amount", "拨付合计 " + total + " 元超过核定金额 " + c.approvedAmount + " 元")));
                }
                if (total.compareTo(c.approvedAmount) == 0) {
                    c.status = "PAID";
                }
                return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                                insert into disbursement (claim_id, region_code, paid_on, amount, funding_level, recorded_by)
                                values (:claim, :region, :paidOn, :amount, :level, :by)""")
                        .setParameter("claim", c.id).setParameter("region", c.regionCode).setParameter("paidOn", line.paidOn())
                        .setParameter("amount", line.amount()).setParameter("level", line.fundingLevel())
                        .setParameter("by", caller.username()).executeUpdate())
                        .call(x -> notices.paid(c, line.amount(), total));
            }).call(x -> audit.record(caller, AuditAction.SUBSIDY_DISBURSED, "subsidy_claim", String.valueOf(c.id),
                    line.amount().toPlainString() + " " + line.fundingLevel() + "（批量）")).replaceWithVoid();
        });
    }

    @WithSession
    public Uni<List<Payment>> payments(Caller caller, long claimId) {
        return list(caller, null, null, null).flatMap(rows -> {
            if (rows.stream().noneMatch(r -> r.claim().id == claimId)) {
                throw ApiProblem.notFound("申领不存在");
            }
            return Panache.getSession().flatMap(s -> s.createNativeQuery(
                            "select paid_on, amount, funding_level from disbursement where claim_id = :id order by paid_on, id", Object[].class)
                    .setParameter("id", claimId).getResultList())
                    .map(list -> list.stream().map(r -> new Payment(NativeValues.date(r[0]), (BigDecimal) r[1], (String) r[2])).toList());
        });
    }

    private Uni<SubsidyClaim> lockedInScope(Caller caller, long id) {
        return SubsidyClaim.<SubsidyClaim>findById(id, LockModeType.PESSIMISTIC_WRITE).map(c -> {
            if (c == null) {
                throw ApiProblem.notFound("申领不存在");
            }
            caller.requireRegion(c.regionCode);
            return c;
        });
    }

    private Uni<BigDecimal> paid(long claimId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select coalesce(sum(amount), 0) from disbursement where claim_id = :id", BigDecimal.class)
                .setParameter("id", claimId).getSingleResult());
    }

    private Uni<String> baseStatus(long baseId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select status from base where id = :id", String.class)
                .setParameter("id", baseId).getSingleResult());
    }

    private Uni<Row> row(long id) {
        return query(" and c.id = :id", Map.of("id", id)).map(list -> list.isEmpty() ? null : list.get(0));
    }

    private Uni<List<Row>> query(String where, Map<String, Object> params) {
        String hql = "select c, y.name, b.name, (select coalesce(sum(d.amount), 0) from Disbursement d where d.claimId = c.id)"
                + " from SubsidyClaim c, Internship i, Youth y, Base b"
                + " where i.id = c.internshipId and y.id = i.youthId and b.id = c.baseId" + where
                + " order by c.month desc, c.id desc";
        return Panache.getSession().flatMap(s -> {
            var q = s.createSelectionQuery(hql, Object[].class);
            params.forEach(q::setParameter);
            return q.setMaxResults(1000).getResultList();
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
