package cq.jianxi.evaluation.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.evaluation.domain.CriterionKind;
import cq.jianxi.evaluation.domain.Scheme;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cq.jianxi.evaluation.repository.EvaluationStore;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/** The year's evaluation scheme: everyone evaluated or evaluating may read it; the city edits it until a district closes. */
@ApplicationScoped
public class SchemeService {

    @Inject
    EvaluationStore store;
    @Inject
    EvaluationSheets sheets;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    public Uni<Scheme> get(Caller caller, int year) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.BASE);
        return sheets.scheme(year);
    }

    /** Replaces the scheme; weights must sum to 100 and each computed criterion needs a scale. */
    public Uni<Scheme> replace(Caller caller, Scheme scheme) {
        caller.requireRole(Role.CITY_ADMIN);
        validate(scheme);
        return Panache.withTransaction(() -> store.anyRound(scheme.year()).flatMap(closed -> {
                    if (closed) {
                        throw ApiProblem.conflict("已有区县完成 " + scheme.year() + " 年度评估，方案不能再修改");
                    }
                    return store.replaceScheme(scheme, caller.username(), clock.now())
                            .call(() -> audit.record(caller, AuditAction.EVALUATION_SCHEME_SAVED, "evaluation_scheme",
                                    String.valueOf(scheme.year()), scheme.criteria().size() + " 项指标"));
                }))
                .chain(() -> sheets.scheme(scheme.year()));
    }

    private static void validate(Scheme scheme) {
        Checks checks = new Checks();
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < scheme.criteria().size(); i++) {
            Scheme.Criterion c = scheme.criteria().get(i);
            String at = "criteria[" + i + "]";
            checks.check(codes.add(c.code()), at + ".code", "指标代码重复：" + c.code());
            sum = sum.add(c.weight());
            if (c.kind() == CriterionKind.COMPUTED) {
                checks.check(c.metric() != null, at + ".metric", "按记录计算的指标须选择计算口径");
                checks.check(c.fullAt() != null, at + ".fullAt", "请填写满分值");
                checks.check(c.zeroAt() != null, at + ".zeroAt", "请填写零分值");
                checks.check(c.fullAt() == null || c.zeroAt() == null || c.fullAt().compareTo(c.zeroAt()) != 0,
                        at + ".fullAt", "满分值与零分值不能相同");
            } else {
                checks.check(c.metric() == null, at + ".metric", "人工评分指标没有计算口径");
                checks.check(c.fullAt() == null && c.zeroAt() == null, at + ".fullAt", "人工评分指标没有满分值和零分值");
            }
        }
        checks.check(sum.compareTo(BigDecimal.valueOf(100)) == 0, "criteria", "各指标权重之和须为 100，当前为 "
                + sum.stripTrailingZeros().toPlainString());
        Set<Object> rules = new HashSet<>();
        for (int i = 0; i < scheme.eligibility().size(); i++) {
            checks.check(rules.add(scheme.eligibility().get(i).rule()), "eligibility[" + i + "].rule", "资格条件重复");
        }
        checks.throwIfAnyRuleBroken();
    }
}
