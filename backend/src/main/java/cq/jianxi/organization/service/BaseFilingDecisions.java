package cq.jianxi.organization.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.events.RecruitmentChanges;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.identity.domain.SessionEndReason;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import cq.jianxi.organization.domain.BaseInspection;
import cq.jianxi.organization.domain.BaseRejection;
import cq.jianxi.organization.domain.BaseStatus;
import cq.jianxi.organization.domain.InspectionConclusion;
import cq.jianxi.organization.repository.BaseRepository;
import cq.jianxi.organization.service.BaseRegistry.BaseDetails;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The district's decisions on a filing: approval (after a passed site inspection of this submission) files the
 * base in that year, rejection sends it back for correction, and revocation ends an approved filing.
 */
@ApplicationScoped
public class BaseFilingDecisions {

    @Inject
    cq.jianxi.identity.service.SessionRevocation sessionRevocation;
    @Inject
    BaseRepository bases;
    @Inject
    AuditService audit;
    @Inject
    RecruitmentChanges changes;
    @Inject
    AppClock clock;
    @Inject
    BaseRegistry registry;
    @Inject
    FilingProposals proposals;
    @Inject
    Instance<BaseRevocationListener> revocationListeners;
    @Inject
    NotificationService notifications;

    @WithTransaction
    public Uni<BaseDetails> approve(Caller caller, long id) {
        return decidable(caller, id, new Checks(), BaseStatus.PENDING, "该申请已处理，当前状态：").flatMap(base -> {
            return BaseInspection.<BaseInspection>find("baseId = ?1 and submissionRound = ?2",
                    io.quarkus.panache.common.Sort.descending("inspectedOn", "id"), base.id, base.submissionRound)
                    .<BaseInspection>firstResult().flatMap(latest -> {
                if (latest == null || latest.conclusion != InspectionConclusion.PASSED) {
                    // 认定 needs the site seen: the latest inspection of this submission must have passed.
                    throw ApiProblem.conflict(latest == null
                            ? "审核通过前须记录本次申请的现场核查，且核查结论为通过"
                            : "本次申请最近一次现场核查结论为“不通过”，不能审核通过");
                }
                BaseFilingService.approveNow(base, caller, clock.now());
                return proposals.apply(base);
            }).call(() -> audit.record(caller, AuditAction.BASE_APPROVED, "base", String.valueOf(id), base.name))
                    .call(() -> notifications.toBase(id, NotificationKind.FILING_APPROVED, "见习基地备案已审核通过",
                            "“" + base.name + "”的见习基地备案已审核通过，现在可以发布见习岗位。", "/base/filing"))
                    .call(changes::announce)
                    .flatMap(v -> registry.details(base, false, caller));
        });
    }

    @WithTransaction
    public Uni<BaseDetails> reject(Caller caller, long id, String reason) {
        return decidable(caller, id, new Checks().notBlank("reason", reason, 500, "驳回理由"), BaseStatus.PENDING,
                "该申请已处理，当前状态：").flatMap(base -> {
            base.status = BaseStatus.REJECTED;
            base.rejectReason = reason.trim();
            base.decidedAt = clock.now();
            base.decidedBy = caller.username();
            BaseRejection rejection = new BaseRejection();
            rejection.baseId = base.id;
            rejection.submissionRound = base.submissionRound;
            rejection.reason = base.rejectReason;
            rejection.rejectedAt = base.decidedAt;
            rejection.rejectedBy = caller.username();
            return rejection.persist()
                    .flatMap(r -> audit.record(caller, AuditAction.BASE_REJECTED, "base", String.valueOf(id), reason.trim()))
                    .call(v -> notifications.toBase(id, NotificationKind.FILING_REJECTED, "见习基地备案未通过审核",
                            "驳回理由：" + base.rejectReason + "。请按意见修改后重新提交。", "/base/filing"))
                    .flatMap(v -> registry.details(base, false, caller));
        });
    }

    /**
     * Revokes an approved filing: the base can no longer publish positions or claim subsidies, and its
     * open positions close (through the position context's listener) in the same transaction.
     */
    @WithTransaction
    public Uni<BaseDetails> revoke(Caller caller, long id, String reason) {
        return decidable(caller, id, new Checks().notBlank("reason", reason, 500, "撤销理由"), BaseStatus.APPROVED,
                "只能撤销已备案的基地，当前状态：").flatMap(base -> {
            base.status = BaseStatus.REVOKED;
            base.revokedAt = clock.now();
            base.revokeReason = reason.trim();
            return audit.record(caller, AuditAction.BASE_REVOKED, "base", String.valueOf(id), reason.trim())
                    .call(v -> notifications.toBase(id, NotificationKind.FILING_REVOKED, "见习基地备案已被撤销",
                            "撤销理由：" + base.revokeReason + "。本基地不能再发布岗位或申领补贴。", "/base/filing"))
                    .flatMap(v -> notifyRevoked(caller, id))
                    // The base's people are signed out at once: what they could do a minute ago has changed.
                    .call(v -> sessionRevocation.endAllOfBase(id, SessionEndReason.BASE_REVOKED))
                    .flatMap(v -> registry.details(base, false, caller));
        });
    }

    /**
     * The base locked for a decision, once the caller may decide, the request's {@code checks} pass, the base
     * is the caller's to see and in {@code expected}. The role comes first so a refusal says nothing else.
     */
    private Uni<cq.jianxi.organization.domain.Base> decidable(Caller caller, long id, Checks checks,
            BaseStatus expected, String wrongStatus) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        checks.throwIfAny();
        return bases.findByIdForUpdate(id).invoke(base -> {
            BaseRegistry.requireVisible(caller, base);
            if (base.status != expected) {
                throw ApiProblem.conflict(wrongStatus + base.status.label());
            }
        });
    }

    /** Tells the other contexts, one after another on the same session. */
    private Uni<Void> notifyRevoked(Caller caller, long baseId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (BaseRevocationListener listener : revocationListeners) {
            chain = chain.flatMap(v -> listener.baseRevoked(caller, baseId));
        }
        return chain;
    }
}
