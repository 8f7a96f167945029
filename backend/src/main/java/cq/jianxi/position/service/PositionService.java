package cq.jianxi.position.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.events.RecruitmentChanges;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.BaseStatus;
import cq.jianxi.organization.domain.Employer;
import cq.jianxi.organization.service.Organizations;
import cq.jianxi.organization.service.BaseRevocationListener;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import cq.jianxi.position.domain.CloseReason;
import cq.jianxi.position.domain.Position;
import cq.jianxi.position.domain.PositionStatus;
import cq.jianxi.position.repository.PositionQueries;
import cq.jianxi.position.repository.PositionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Positions (岗位募集): a base drafts and submits, the district admin of the base's region publishes
 * or rejects, and a position closes when withdrawn, filled, past its deadline or its base's filing is
 * revoked. Recruited positions of a year are the headcount of positions first published in it.
 */
@ApplicationScoped
public class PositionService implements BaseRevocationListener {

    @Inject
    PositionRepository positions;
    @Inject
    PositionQueries queries;
    @Inject
    PositionDrafts drafts;
    @Inject
    Organizations organizations;
    @Inject
    AuditService audit;
    @Inject
    RecruitmentChanges changes;
    @Inject
    AppClock clock;
    @Inject
    NotificationService notifications;

    @WithTransaction
    public Uni<PositionQueries.Row> create(Caller caller, PositionDraft draft) {
        caller.requireRole(Role.BASE);
        return baseAndEmployer(caller.baseId()).flatMap(pair -> drafts.validate(draft, pair.employer()).flatMap(v -> {
            if (pair.base().status != BaseStatus.APPROVED) {
                throw ApiProblem.conflict("见习基地备案尚未通过审核，暂不能发布岗位");
            }
            Position p = new Position();
            p.baseId = pair.base().id;
            p.status = PositionStatus.DRAFT;
            p.createdAt = clock.now();
            drafts.apply(p, draft);
            return positions.persist(p)
                    .call(saved -> audit.record(caller, AuditAction.POSITION_CREATED, "position", String.valueOf(saved.id), saved.title))
                    .flatMap(saved -> queries.one(saved.id));
        }));
    }

    @WithTransaction
    public Uni<PositionQueries.Row> update(Caller caller, long id, PositionDraft draft) {
        caller.requireRole(Role.BASE);
        return ownPositionForUpdate(caller, id).flatMap(p -> {
            if (p.status != PositionStatus.DRAFT && p.status != PositionStatus.REJECTED) {
                throw ApiProblem.conflict("只有草稿或已驳回的岗位可以修改，当前状态：" + p.status.label());
            }
            return baseAndEmployer(p.baseId).flatMap(pair -> drafts.validate(draft, pair.employer())).flatMap(v -> {
                drafts.apply(p, draft);
                return audit.record(caller, AuditAction.POSITION_UPDATED, "position", String.valueOf(id), p.title)
                        .flatMap(x -> queries.one(id));
            });
        });
    }

    @WithTransaction
    public Uni<PositionQueries.Row> submit(Caller caller, long id) {
        caller.requireRole(Role.BASE);
        return ownPositionForUpdate(caller, id).flatMap(p -> baseAndEmployer(p.baseId).flatMap(pair -> {
            if (p.status != PositionStatus.DRAFT && p.status != PositionStatus.REJECTED) {
                throw ApiProblem.conflict("只有草稿或已驳回的岗位可以提交审核，当前状态：" + p.status.label());
            }
            requirePublishable(pair);
            if (p.deadline.isBefore(clock.today())) {
                throw ApiProblem.invalidField("deadline", "报名截止日期已过，请修改后再提交");
            }
            return drafts.requireAllowanceFloor(p).flatMap(ok -> {
                p.status = PositionStatus.SUBMITTED;
                p.submittedAt = clock.now();
                p.updatedAt = p.submittedAt;
                p.rejectReason = null;
                return audit.record(caller, AuditAction.POSITION_SUBMITTED, "position", String.valueOf(id), p.title)
                        .call(x -> notifications.toRegion(pair.base().regionCode, NotificationKind.POSITION_WAITING, "见习岗位待审核",
                                "“" + pair.base().name + "”提交了岗位“" + p.title + "”（" + p.headcount + " 人），请审核。",
                                "/admin/position-review"))
                        .flatMap(x -> queries.one(id));
            });
        }));
    }

    /** Publishes a submitted position; concurrent approvals of one position give one transition. */
    @WithTransaction
    public Uni<PositionQueries.Row> approve(Caller caller, long id) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        return positions.findByIdForUpdate(id).flatMap(p -> {
            if (p == null) {
                throw ApiProblem.notFound("岗位不存在");
            }
            return baseAndEmployer(p.baseId).flatMap(pair -> {
                caller.requireRegion(pair.base().regionCode);
                if (p.status != PositionStatus.SUBMITTED) {
                    throw ApiProblem.conflict("该岗位不在待审核状态，当前状态：" + p.status.label());
                }
                requirePublishable(pair);
                // Submitted under last year's floor, published under this year's: checked again.
                return drafts.requireAllowanceFloor(p).flatMap(ok -> {
                    OffsetDateTime now = clock.now();
                    p.status = PositionStatus.PUBLISHED;
                    p.decidedAt = now;
                    p.decidedBy = caller.username();
                    p.updatedAt = now;
                    if (p.firstPublishedAt == null) {
                        p.firstPublishedAt = now;
                        p.publishedYear = AppClock.dateOf(now).getYear();
                    }
                    return audit.record(caller, AuditAction.POSITION_APPROVED, "position", String.valueOf(id), p.title)
                            .call(x -> notifications.toBase(p.baseId, NotificationKind.POSITION_APPROVED, "见习岗位已发布",
                                    "岗位“" + p.title + "”已通过审核并发布，报名截止 " + p.deadline + "。", "/base/positions"))
                            .call(changes::announce)
                            .flatMap(x -> queries.one(id));
                });
            });
        });
    }

    @WithTransaction
    public Uni<PositionQueries.Row> reject(Caller caller, long id, String reason) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        new Checks().notBlank("reason", reason, 500, "驳回理由").throwIfAny();
        return positions.findByIdForUpdate(id).flatMap(p -> {
            if (p == null) {
                throw ApiProblem.notFound("岗位不存在");
            }
            return organizations.base(p.baseId).flatMap(base -> {
                caller.requireRegion(base.regionCode);
                if (p.status != PositionStatus.SUBMITTED) {
                    throw ApiProblem.conflict("该岗位不在待审核状态，当前状态：" + p.status.label());
                }
                p.status = PositionStatus.REJECTED;
                p.rejectReason = reason.trim();
                p.decidedAt = clock.now();
                p.decidedBy = caller.username();
                p.updatedAt = p.decidedAt;
                return audit.record(caller, AuditAction.POSITION_REJECTED, "position", String.valueOf(id), reason.trim())
                        .call(x -> notifications.toBase(p.baseId, NotificationKind.POSITION_REJECTED, "见习岗位未通过审核",
                                "岗位“" + p.title + "”被驳回：" + p.rejectReason + "。请修改后重新提交。", "/base/positions"))
                        .flatMap(x -> queries.one(id));
            });
        });
    }

    /** Withdrawn by its base, or closed by an admin of its region. Closing never subtracts from the year's count. */
    @WithTransaction
    public Uni<PositionQueries.Row> close(Caller caller, long id) {
        caller.requireRole(Role.BASE, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        return positions.findByIdForUpdate(id).flatMap(p -> {
            if (p == null) {
                throw ApiProblem.notFound("岗位不存在");
            }
            return organizations.base(p.baseId).flatMap(base -> {
                if (caller.is(Role.BASE)) {
                    if (!base.id.equals(caller.baseId())) {
                        throw ApiProblem.forbidden("只能关闭本基地的岗位");
                    }
                } else {
                    caller.requireRegion(base.regionCode);
                }
                if (p.status == PositionStatus.CLOSED) {
                    throw ApiProblem.conflict("该岗位已关闭");
                }
                boolean wasPublished = p.status == PositionStatus.PUBLISHED;
                p.status = PositionStatus.CLOSED;
                p.closeReason = CloseReason.WITHDRAWN;
                p.closedAt = clock.now();
                p.updatedAt = p.closedAt;
                return audit.record(caller, AuditAction.POSITION_CLOSED, "position", String.valueOf(id), CloseReason.WITHDRAWN.label())
                        .call(() -> wasPublished ? changes.announce() : Uni.createFrom().voidItem())
                        .flatMap(x -> queries.one(id));
            });
        });
    }

    /** Closes every published position whose deadline has passed; returns how many. */
    @WithTransaction
    public Uni<Integer> closeExpired() {
        return positions.closeExpired(clock.today(), clock.now())
                .call(count -> count > 0 ? changes.announce() : Uni.createFrom().voidItem());
    }

    /**
     * Takes one seat of the position for an accepted offer, inside the caller's transaction; refused when
     * the headcount is reached, and a position whose last seat this was closes as filled.
     */
    public Uni<Void> takeSeat(long positionId) {
        return positions.takeSeat(positionId, clock.now()).flatMap(taken -> {
            if (!taken) {
                throw ApiProblem.conflict("该岗位名额已满，无法接受录用");
            }
            return positions.closeIfFilled(positionId, clock.now());
        }).flatMap(closed -> closed ? changes.announce() : Uni.createFrom().voidItem());
    }

    /** The position, or null when there is none. */
    public Uni<Position> find(Long id) {
        return positions.findById(id);
    }

    /**
     * A revoked base recruits no more: its published and submitted positions close (BASE_REVOKED), in
     * the revocation's transaction. Drafts stay, for the record; they cannot be submitted.
     */
    @Override
    public Uni<Void> baseRevoked(Caller caller, long baseId) {
        return Position.<Position>find("baseId = ?1 and status in ?2", baseId,
                        List.of(PositionStatus.PUBLISHED, PositionStatus.SUBMITTED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().flatMap(open -> {
                    OffsetDateTime now = clock.now();
                    boolean anyPublished = open.stream().anyMatch(p -> p.status == PositionStatus.PUBLISHED);
                    Uni<Void> audited = Uni.createFrom().voidItem();
                    for (Position p : open) {
                        p.status = PositionStatus.CLOSED;
                        p.closeReason = CloseReason.BASE_REVOKED;
                        p.closedAt = now;
                        p.updatedAt = now;
                        audited = audited.flatMap(v -> audit.record(caller, AuditAction.POSITION_CLOSED, "position",
                                String.valueOf(p.id), CloseReason.BASE_REVOKED.label()));
                    }
                    return audited.call(() -> anyPublished ? changes.announce() : Uni.createFrom().voidItem());
                });
    }

    private Uni<Position> ownPositionForUpdate(Caller caller, long id) {
        return positions.findByIdForUpdate(id).map(p -> {
            if (p == null) {
                throw ApiProblem.notFound("岗位不存在");
            }
            if (!p.baseId.equals(caller.baseId())) {
                throw ApiProblem.forbidden("只能操作本基地的岗位");
            }
            return p;
        });
    }

    private record BaseAndEmployer(Base base, Employer employer) {
    }

    private Uni<BaseAndEmployer> baseAndEmployer(Long baseId) {
        if (baseId == null) {
            throw ApiProblem.forbidden("当前账户未关联见习基地");
        }
        return organizations.base(baseId).flatMap(base -> {
            if (base == null) {
                throw ApiProblem.notFound("见习基地不存在");
            }
            return organizations.employer(base.employerId).map(e -> new BaseAndEmployer(base, e));
        });
    }

    private static void requirePublishable(BaseAndEmployer pair) {
        if (pair.base().status != BaseStatus.APPROVED) {
            throw ApiProblem.conflict("见习基地备案未通过，不能发布岗位");
        }
        if (pair.employer().operatingStatus.deregistered()) {
            throw ApiProblem.conflict("用人单位经营状态为“" + pair.employer().operatingStatus.label() + "”，不能发布岗位");
        }
    }
}
