package cq.jianxi.subsidy.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.subsidy.domain.SubsidyClaim;
import cq.jianxi.subsidy.repository.DisbursementRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Payments of approved claims by funding level, one at a time or a district's batch file; both record through
 * one {@link #pay}, so a claim is paid once its payments add up to the approved amount, never more.
 */
@ApplicationScoped
public class SubsidyPayments {

    private static final List<String> FUNDING_LEVELS = List.of("CENTRAL", "CITY", "DISTRICT");

    @Inject
    AppClock clock;
    @Inject
    AuditService audit;
    @Inject
    SubsidyNotices notices;
    @Inject
    SubsidyService claims;
    @Inject
    DisbursementRepository disbursements;

    /** Records one payment of a claim in the caller's region. */
    @WithTransaction
    public Uni<SubsidyService.Row> disburse(Caller caller, long id, LocalDate paidOn, BigDecimal amount, String fundingLevel) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        new Checks().check(paidOn != null && !paidOn.isAfter(clock.today()), "paidOn", "请填写拨付日期（不能晚于今天）")
                .check(SubsidyRates.money(amount) && amount != null && amount.signum() > 0, "amount", "拨付金额须为大于 0 的金额（两位小数）")
                .check(fundingLevel != null && FUNDING_LEVELS.contains(fundingLevel), "fundingLevel",
                        "资金层级须为 CENTRAL（中央）、CITY（市级）或 DISTRICT（区县级）")
                .throwIfAnyRuleBroken();
        return claims.lockedInScope(caller, id).flatMap(c -> {
            if (!"APPROVED".equals(c.status)) {
                throw ApiProblem.conflict("只有审核通过且未付清的申领可以登记拨付，当前状态：" + SubsidyService.label(c.status));
            }
            LocalDate approvedOn = AppClock.dateOf(c.decidedAt);
            if (paidOn.isBefore(approvedOn)) {
                throw ApiProblem.ruleAt("paidOn", "拨付日期不能早于申领审核通过日期 " + approvedOn);
            }
            return pay(caller, c, paidOn, amount, fundingLevel, amount.toPlainString() + " " + fundingLevel,
                    total -> ApiProblem.invalidField("amount", "拨付合计 " + total + " 元将超过核定金额 " + c.approvedAmount + " 元"));
        }).flatMap(c -> claims.row(c.id));
    }

    /** Records a batch of payments, all or nothing: any bad line refuses the whole file. */
    @WithTransaction
    public Uni<Integer> disburseAll(Caller caller, List<SubsidyService.PaymentLine> lines) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (SubsidyService.PaymentLine line : lines) {
            chain = chain.flatMap(n -> recordLine(caller, line).replaceWith(n + 1));
        }
        return chain;
    }

    /** The payments of a claim the caller can see. */
    @WithSession
    public Uni<List<DisbursementRepository.Payment>> payments(Caller caller, long claimId) {
        return claims.visible(caller, claimId).flatMap(visible -> {
            if (!visible) {
                throw ApiProblem.notFound("申领不存在");
            }
            return disbursements.of(claimId);
        });
    }

    private Uni<Void> recordLine(Caller caller, SubsidyService.PaymentLine line) {
        String where = "第 " + line.row() + " 行：";
        if (line.claimId() == null || line.paidOn() == null || line.paidOn().isAfter(clock.today())
                || !SubsidyRates.money(line.amount()) || line.amount().signum() <= 0
                || !FUNDING_LEVELS.contains(line.fundingLevel())) {
            throw ApiProblem.unprocessable(where + "申领编号、拨付日期、金额或资金层级不正确",
                    List.of(Violation.inFile(line.row(), "file", "申领编号、拨付日期、金额或资金层级不正确")));
        }
        return SubsidyClaim.<SubsidyClaim>findById(line.claimId(), LockModeType.PESSIMISTIC_WRITE).flatMap(c -> {
            if (c == null || (caller.is(Role.DISTRICT_ADMIN) && !c.regionCode.equals(caller.regionCode()))) {
                throw ApiProblem.unprocessable(where + "申领不存在或不在本区县",
                        List.of(Violation.inFile(line.row(), "claimId", "申领不存在或不在本区县")));
            }
            String status = SubsidyService.label(c.status);
            if (!"APPROVED".equals(c.status)) {
                throw ApiProblem.unprocessable(where + "申领状态为" + status,
                        List.of(Violation.inFile(line.row(), "claimId", "申领状态为" + status)));
            }
            LocalDate approvedOn = AppClock.dateOf(c.decidedAt);
            if (line.paidOn().isBefore(approvedOn)) {
                throw ApiProblem.unprocessable(where + "拨付日期早于审核通过日期",
                        List.of(Violation.inFile(line.row(), "paidOn", "拨付日期不能早于申领审核通过日期 " + approvedOn)));
            }
            return pay(caller, c, line.paidOn(), line.amount(), line.fundingLevel(),
                    line.amount().toPlainString() + " " + line.fundingLevel() + "（批量）",
                    total -> ApiProblem.unprocessable(where + "拨付合计超过核定金额", List.of(Violation.inFile(line.row(),
                            "amount", "拨付合计 " + total + " 元超过核定金额 " + c.approvedAmount + " 元"))));
        }).replaceWithVoid();
    }

    /**
     * Records a payment of the locked, approved claim: refused through {@code overApproved} (given the new total)
     * when it would pay more than approved; the claim becomes PAID when the total reaches the approved amount.
     */
    private Uni<SubsidyClaim> pay(Caller caller, SubsidyClaim c, LocalDate paidOn, BigDecimal amount, String fundingLevel,
                                  String auditDetail, Function<BigDecimal, ApiProblem> overApproved) {
        return disbursements.paid(c.id).flatMap(already -> {
            BigDecimal total = already.add(amount);
            if (total.compareTo(c.approvedAmount) > 0) {
                throw overApproved.apply(total);
            }
            if (total.compareTo(c.approvedAmount) == 0) {
                c.status = "PAID";
            }
            return disbursements.insert(c.id, c.regionCode, paidOn, amount, fundingLevel, caller.username())
                    .call(x -> notices.paid(c, amount, total));
        }).call(x -> audit.record(caller, AuditAction.SUBSIDY_DISBURSED, "subsidy_claim", String.valueOf(c.id), auditDetail))
                .replaceWith(c);
    }
}
