package cq.jianxi.quality.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.BaseStatus;
import cq.jianxi.organization.service.Organizations;
import cq.jianxi.organization.service.BaseFilingDecisions;
import cq.jianxi.quality.domain.CaseStatus;
import cq.jianxi.quality.domain.Decision;
import cq.jianxi.quality.domain.DisqualificationCase;
import cq.jianxi.quality.domain.DisqualificationRule;
import cq.jianxi.quality.domain.RuleCode;
import cq.jianxi.quality.repository.CaseRepository;
import cq.jianxi.quality.repository.RuleRepository;
import cq.jianxi.quality.service.DisqualificationRules.Evaluated;
import cq.jianxi.quality.service.DisqualificationRules.Hit;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The disqualification workflow (取消见习基地资格): the rules as data, the district's list of bases that
 * meet a rule, the warning (a case, announced to the base) and the decision on it. Revocation goes through
 * {@link BaseFilingDecisions#revoke}, which closes the base's positions and ends its sessions.
 */
@ApplicationScoped
public class DisqualificationService {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    DisqualificationRules rules;
    @Inject
    RuleRepository ruleRepository;
    @Inject
    CaseRepository cases;
    @Inject
    Organizations organizations;
    @Inject
    BaseFilingDecisions filings;
    @Inject
    NotificationService notifications;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    /** One base of the list: the rules it meets now and its cases. */
    public record Entry(long baseId, String baseName, String regionCode, LocalDate certifiedOn, List<Hit> hits,
                        List<DisqualificationCase> cases) {
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** The decision a district takes on a case. */
    public record DecisionRequest(Decision decision, LocalDate rectifyBy, String note) {
    }

    /** A rule's new settings; parameters only matter for the rules that have them. */
    public record RuleUpdate(boolean enabled, Integer months, BigDecimal rate, Integer years) {
    }

    // ---------------------------------------------------------------- rules

    @WithSession
    public Uni<List<DisqualificationRule>> listRules(Caller caller) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        return ruleRepository.findAll(Sort.ascending("seq")).list();
    }

    @WithTransaction
    public Uni<DisqualificationRule> updateRule(Caller caller, RuleCode code, RuleUpdate update) {
        caller.requireRole(Role.CITY_ADMIN);
        Checks checks = new Checks();
        if (code == RuleCode.NO_INTERN_WITHIN_MONTHS) {
            checks.check(update.months() != null && update.months() >= 1 && update.months() <= 60, "months", "月数须在 1 到 60 之间");
        }
        if (code == RuleCode.LOW_RETENTION_YEARS) {
            checks.check(update.rate() != null && update.rate().signum() > 0 && update.rate().compareTo(BigDecimal.ONE) <= 0
                    && update.rate().scale() <= 4, "rate", "留用率须大于 0、不超过 1，最多 4 位小数");
            checks.check(update.years() != null && update.years() >= 1 && update.years() <= 5, "years", "年数须在 1 到 5 之间");
        }
        checks.throwIfAnyRuleBroken();
        return ruleRepository.findForUpdate(code).flatMap(rule -> {
            rule.enabled = update.enabled();
            // A rule without parameters keeps none, so the table's checks hold.
            rule.months = code == RuleCode.NO_INTERN_WITHIN_MONTHS ? update.months() : null;
            rule.rate = code == RuleCode.LOW_RETENTION_YEARS ? update.rate() : null;
            rule.years = code == RuleCode.LOW_RETENTION_YEARS ? update.years() : null;
            rule.updatedBy = caller.username();
            rule.updatedAt = clock.now();
            return audit.record(caller, AuditAction.DISQUALIFICATION_RULE_CHANGED, "disqualification_rule", code.name(),
                    (rule.enabled ? "启用" : "停用") + (rule.months != null ? "，" + rule.months + " 个月" : "")
                            + (rule.rate != null ? "，留用率 " + rule.rate.toPlainString() + "，" + rule.years + " 年" : ""))
                    .replaceWith(rule);
        });
    }

    // ---------------------------------------------------------------- the district's list

    /** Bases that meet an enabled rule now, and bases with an open case; a district sees its own region. */
    @WithSession
    public Uni<Page<Entry>> list(Caller caller, String regionCode, int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        new Checks().page(page, size, MAX_PAGE_SIZE).throwIfAny();
        String region = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : regionCode;
        if (regionCode != null) {
            caller.requireRegion(regionCode);
        }
        return rules.evaluate(region, null).flatMap(evaluated -> cases.ofRegion(region).map(all -> {
            Map<Long, List<DisqualificationCase>> byBase = new LinkedHashMap<>();
            all.forEach(c -> byBase.computeIfAbsent(c.baseId, k -> new ArrayList<>()).add(c));
            List<Entry> entries = new ArrayList<>();
            for (Evaluated e : evaluated) {
                List<DisqualificationCase> own = byBase.getOrDefault(e.baseId(), List.of());
                if (!e.hits().isEmpty() || own.stream().anyMatch(c -> c.status.open())) {
                    entries.add(new Entry(e.baseId(), e.baseName(), e.regionCode(), e.certifiedOn(), e.hits(), own));
                }
            }
            entries.sort(Comparator.comparing(Entry::regionCode).thenComparing(Entry::baseId));
            int from = Math.min(entries.size(), page * size);
            int to = Math.min(entries.size(), from + size);
            return new Page<>(List.copyOf(entries.subList(from, to)), entries.size(), page, size);
        }));
    }

    // ---------------------------------------------------------------- warning and decision

    /** Warns a base under a rule it meets now: a case with the evidence, and a notification to the base. */
    @WithTransaction
    public Uni<DisqualificationCase> warn(Caller caller, long baseId, RuleCode rule) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        return organizations.baseForUpdate(baseId).flatMap(base -> {
            requireInScope(caller, base);
            if (base.status != BaseStatus.APPROVED) {
                throw ApiProblem.conflict("只能预警已备案的基地，当前状态：" + base.status.label());
            }
            return ruleRepository.findById(rule).flatMap(setting -> {
                if (!setting.enabled) {
                    throw ApiProblem.conflict("规则“" + rule.label() + "”已停用");
                }
                return cases.openOf(baseId, rule);
            }).flatMap(open -> {
                if (open != null) {
                    throw ApiProblem.conflict("该基地已有按此规则进行中的预警（编号 " + open.id + "）");
                }
                return rules.evaluate(base.regionCode, baseId);
            }).flatMap(evaluated -> {
                Hit hit = evaluated.stream().flatMap(e -> e.hits().stream()).filter(h -> h.rule() == rule).findFirst()
                        .orElseThrow(() -> ApiProblem.conflict("该基地目前不符合规则“" + rule.label() + "”，不能预警"));
                DisqualificationCase c = new DisqualificationCase();
                c.baseId = baseId;
                c.regionCode = base.regionCode;
                c.rule = rule;
                c.status = CaseStatus.WARNED;
                c.evidence = hit.evidence().length() > 1000 ? hit.evidence().substring(0, 999) + "…" : hit.evidence();
                c.warnedAt = clock.now();
                c.warnedBy = caller.username();
                return cases.persist(c)
                        .call(saved -> notifications.toBase(baseId, NotificationKind.BASE_WARNED, "见习基地资格预警：" + rule.label(),
                                "区县人社局认定本基地符合取消见习基地资格的情形“" + rule.label() + "”：" + saved.evidence
                                        + "。请在“资格预警”中查看，并配合整改。", "/base/warnings"))
                        .call(saved -> audit.record(caller, AuditAction.BASE_WARNED, "disqualification_case",
                                String.valueOf(saved.id), base.name + "：" + rule.label() + "；" + saved.evidence));
            });
        });
    }

    /**
     * Decides a warned case, or a rectifying one whose date has passed: rectify by a date, revoke the base
     * (through the filing service) or dismiss.
     */
    @WithTransaction
    public Uni<DisqualificationCase> decide(Caller caller, long caseId, DecisionRequest request) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        LocalDate today = clock.today();
        Checks checks = new Checks();
        checks.check(request.decision() != null, "decision", "请选择处理结果");
        checks.notBlank("note", request.note(), 500, request.decision() == Decision.RECTIFY ? "整改要求" : "理由");
        if (request.decision() == Decision.RECTIFY) {
            checks.check(request.rectifyBy() != null, "rectifyBy", "请填写整改期限");
            checks.check(request.rectifyBy() == null || !request.rectifyBy().isBefore(today), "rectifyBy", "整改期限不能早于今天");
        }
        checks.throwIfAnyRuleBroken();
        String note = request.note().trim();
        return cases.findForUpdate(caseId).flatMap(c -> {
            if (c == null) {
                throw ApiProblem.notFound("预警不存在");
            }
            caller.requireRegion(c.regionCode);
            if (c.status == CaseStatus.RECTIFYING && !today.isAfter(c.rectifyBy)) {
                throw ApiProblem.conflict("整改期限（" + c.rectifyBy + "）未到，期满后才能再次处理");
            }
            if (!c.status.open()) {
                throw ApiProblem.conflict("该预警已处理：" + c.status.label());
            }
            Uni<Void> effect = switch (request.decision()) {
                case RECTIFY -> {
                    c.status = CaseStatus.RECTIFYING;
                    c.rectifyBy = request.rectifyBy();
                    yield notifications.toBase(c.baseId, NotificationKind.BASE_RECTIFICATION, "见习基地限期整改：" + c.rule.label(),
                            "请于 " + c.rectifyBy + " 前完成整改：" + note, "/base/warnings");
                }
                case DISMISS -> {
                    c.status = CaseStatus.DISMISSED;
                    yield notifications.toBase(c.baseId, NotificationKind.BASE_WARNING_DISMISSED, "见习基地资格预警已销案：" + c.rule.label(), note, "/base/warnings");
                }
                // The filing service revokes, closes positions and ends sessions; its listener closes this base's cases.
                case REVOKE -> filings.revoke(caller, c.baseId, note).replaceWithVoid().invoke(() -> c.status = CaseStatus.REVOKED);
            };
            return effect.map(v -> {
                c.decisionNote = note;
                c.decidedAt = clock.now();
                c.decidedBy = caller.username();
                return c;
            }).call(saved -> audit.record(caller, AuditAction.DISQUALIFICATION_DECIDED, "disqualification_case",
                    String.valueOf(caseId), request.decision().label() + (saved.rectifyBy != null && request.decision() == Decision.RECTIFY
                            ? "（期限 " + saved.rectifyBy + "）" : "") + "：" + note));
        });
    }

    /** The base's own warnings and what was decided, newest first. */
    @WithSession
    public Uni<Page<DisqualificationCase>> mine(Caller caller, int page, int size) {
        caller.requireRole(Role.BASE);
        new Checks().page(page, size, MAX_PAGE_SIZE).throwIfAny();
        var query = cases.ofBase(caller.baseId());
        return query.page(page, size).list().flatMap(items -> query.count().map(total -> new Page<>(items, total, page, size)));
    }

    /** Closes the open cases of a base that was revoked, whichever way it was revoked. */
    Uni<Void> closeOpenCases(Caller caller, long baseId) {
        return cases.openOf(baseId).map(open -> {
            for (DisqualificationCase c : open) {
                c.status = CaseStatus.REVOKED;
                c.decisionNote = "见习基地备案已撤销";
                c.decidedAt = clock.now();
                c.decidedBy = caller.username();
            }
            return null;
        });
    }

    static void requireInScope(Caller caller, Base base) {
        if (base == null) {
            throw ApiProblem.notFound("见习基地不存在");
        }
        caller.requireRegion(base.regionCode);
    }
}
