package cq.jianxi.position.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.events.RecruitmentChanges;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.BaseStatus;
import cq.jianxi.organization.domain.Department;
import cq.jianxi.organization.domain.Employer;
import cq.jianxi.organization.domain.Ownership;
import cq.jianxi.organization.repository.BaseRepository;
import cq.jianxi.organization.repository.DepartmentRepository;
import cq.jianxi.organization.repository.EmployerRepository;
import cq.jianxi.position.domain.CloseReason;
import cq.jianxi.position.domain.Education;
import cq.jianxi.position.domain.Position;
import cq.jianxi.position.domain.PositionCategory;
import cq.jianxi.position.domain.PositionStatus;
import cq.jianxi.position.repository.PositionQueries;
import cq.jianxi.position.repository.PositionRepository;
import cq.jianxi.region.repository.RegionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Positions (岗位募集): a base drafts and submits, the district admin of the base's region publishes
 * or rejects, and a position closes when withdrawn, filled or past its deadline. Recruited positions
 * of a year are the headcount of positions first published in it.
 */
@ApplicationScoped
public class PositionService {

    public static final ZoneId CHONGQING = ZoneId.of("Asia/Shanghai");
    public static final int MAX_PAGE = 100;

    @Inject
    PositionRepository positions;
    @Inject
    PositionQueries queries;
    @Inject
    BaseRepository bases;
    @Inject
    EmployerRepository employers;
    @Inject
    DepartmentRepository departments;
    @Inject
    RegionRepository regions;
    @Inject
    AuditService audit;
    @Inject
    RecruitmentChanges changes;

    /** A page of positions with their base and employer names. */
    public record Page(List<PositionQueries.Row> items, long total, int page, int size) {
    }

    public static LocalDate today() {
        return LocalDate.now(CHONGQING);
    }

    @WithTransaction
    public Uni<PositionQueries.Row> create(Caller caller, PositionDraft draft) {
        caller.requireRole(Role.BASE);
        return baseAndEmployer(caller.baseId()).flatMap(pair -> validate(draft, pair.employer()).flatMap(v -> {
            if (pair.base().status != BaseStatus.APPROVED) {
                throw ApiProblem.conflict("见习基地备案尚未通过审核，暂不能发布岗位");
            }
            Position p = new Position();
            p.baseId = pair.base().id;
            p.status = PositionStatus.DRAFT;
            p.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            apply(p, draft);
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
            return baseAndEmployer(p.baseId).flatMap(pair -> validate(draft, pair.employer())).flatMap(v -> {
                apply(p, draft);
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
            if (p.deadline.isBefore(today())) {
                throw ApiProblem.invalidField("deadline", "报名截止日期已过，请修改后再提交");
            }
            p.status = PositionStatus.SUBMITTED;
            p.submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
            p.updatedAt = p.submittedAt;
            p.rejectReason = null;
            return audit.record(caller, AuditAction.POSITION_SUBMITTED, "position", String.valueOf(id), p.title)
                    .flatMap(x -> queries.one(id));
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
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                p.status = PositionStatus.PUBLISHED;
                p.decidedAt = now;
                p.decidedBy = caller.username();
                p.updatedAt = now;
                if (p.firstPublishedAt == null) {
                    p.firstPublishedAt = now;
                    p.publishedYear = now.atZoneSameInstant(CHONGQING).getYear();
                }
                return audit.record(caller, AuditAction.POSITION_APPROVED, "position", String.valueOf(id), p.title)
                        .call(changes::announce)
                        .flatMap(x -> queries.one(id));
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
            return bases.findById(p.baseId).flatMap(base -> {
                caller.requireRegion(base.regionCode);
                if (p.status != PositionStatus.SUBMITTED) {
                    throw ApiProblem.conflict("该岗位不在待审核状态，当前状态：" + p.status.label());
                }
                p.status = PositionStatus.REJECTED;
                p.rejectReason = reason.trim();
                p.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
                p.decidedBy = caller.username();
                p.updatedAt = p.decidedAt;
                return audit.record(caller, AuditAction.POSITION_REJECTED, "position", String.valueOf(id), reason.trim())
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
            return bases.findById(p.baseId).flatMap(base -> {
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
                p.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
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
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update position set status = 'CLOSED', close_reason = 'EXPIRED', closed_at = now(), updated_at = now()
                        where status = 'PUBLISHED' and deadline < :today
                        """).setParameter("today", today()).executeUpdate())
                .call(count -> count > 0 ? changes.announce() : Uni.createFrom().voidItem());
    }

    /** Public search: published positions still open today. */
    @WithSession
    public Uni<Page> search(String keyword, String regionCode, String category, String education, int page, int size) {
        Checks checks = new Checks();
        PositionCategory cat = category == null || category.isBlank() ? null
                : checks.enumValue("category", category, PositionCategory.class, "岗位类别");
        Education edu = education == null || education.isBlank() ? null
                : checks.enumValue("education", education, Education.class, "学历");
        checks.page(page, size, MAX_PAGE);
        checks.throwIfAny();
        var criteria = new PositionQueries.Criteria(blank(keyword), blank(regionCode), cat, edu,
                List.of(PositionStatus.PUBLISHED), today(), null, null);
        return page(criteria, page, size);
    }

    /** Positions a base manages, or those an admin reviews in their scope (e.g. status=SUBMITTED). */
    @WithSession
    public Uni<Page> manage(Caller caller, String status, String regionCode, String keyword, Long baseId, int page, int size) {
        Checks checks = new Checks();
        PositionStatus st = status == null || status.isBlank() ? null
                : checks.enumValue("status", status, PositionStatus.class, "岗位状态");
        checks.page(page, size, MAX_PAGE);
        checks.throwIfAny();
        String baseRegion = null;
        Long onlyBase = baseId;
        switch (caller.role()) {
            case BASE -> onlyBase = caller.baseId();
            case DISTRICT_ADMIN -> {
                if (regionCode != null && !regionCode.isBlank()) {
                    caller.requireRegion(regionCode);
                }
                baseRegion = caller.regionCode();
            }
            case CITY_ADMIN, DEPARTMENT -> baseRegion = blank(regionCode);
            default -> throw ApiProblem.forbidden("当前角色无权管理岗位");
        }
        var criteria = new PositionQueries.Criteria(blank(keyword), null, null, null,
                st == null ? null : List.of(st), null, baseRegion, onlyBase);
        return page(criteria, page, size);
    }

    /** A published position is public; anything else only to its base and the admins of its region. */
    @WithSession
    public Uni<PositionQueries.Row> get(Caller caller, long id) {
        return queries.one(id).flatMap(row -> {
            if (row == null) {
                throw ApiProblem.notFound("岗位不存在");
            }
            Position p = row.position();
            if (p.status == PositionStatus.PUBLISHED || p.status == PositionStatus.CLOSED && p.firstPublishedAt != null) {
                return Uni.createFrom().item(row);
            }
            if (caller == null) {
                throw ApiProblem.notFound("岗位不存在");
            }
            return bases.findById(p.baseId).map(base -> {
                switch (caller.role()) {
                    case BASE -> {
                        if (!base.id.equals(caller.baseId())) {
                            throw ApiProblem.forbidden("只能查看本基地的岗位");
                        }
                    }
                    case CITY_ADMIN, DEPARTMENT, DISTRICT_ADMIN -> caller.requireRegion(base.regionCode);
                    default -> throw ApiProblem.notFound("岗位不存在");
                }
                return row;
            });
        });
    }

    private Uni<Page> page(PositionQueries.Criteria criteria, int page, int size) {
        return queries.search(criteria, page, size).map(found -> new Page(found.rows(), found.total(), page, size));
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
        return bases.findById(baseId).flatMap(base -> {
            if (base == null) {
                throw ApiProblem.notFound("见习基地不存在");
            }
            return employers.findById(base.employerId).map(e -> new BaseAndEmployer(base, e));
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

    /** Field checks plus the department-task rules of Annex 1; every problem names its field. */
    private Uni<Void> validate(PositionDraft d, Employer employer) {
        Checks checks = new Checks();
        checks.notBlank("title", d.title(), 100, "岗位名称");
        PositionCategory category = checks.enumValue("category", d.category(), PositionCategory.class, "岗位类别");
        checks.check(d.headcount() != null && d.headcount() > 0, "headcount", "招募人数须大于 0");
        checks.check(d.headcount() == null || d.headcount() <= 1000, "headcount", "招募人数不能超过 1000");
        checks.enumValue("education", d.education(), Education.class, "学历要求");
        checks.check(d.majors() == null || d.majors().length() <= 500, "majors", "专业要求不能超过 500 个字符");
        checks.notBlank("description", d.description(), 5000, "岗位描述");
        checks.notBlank("regionCode", d.regionCode(), 16, "工作地区县");
        checks.check(d.monthlyAllowance() != null && d.monthlyAllowance().signum() >= 0
                && d.monthlyAllowance().scale() <= 2 && d.monthlyAllowance().compareTo(new BigDecimal("99999999")) < 0,
                "monthlyAllowance", "月基本生活费须为不小于 0 的金额（元，最多两位小数）");
        checks.check(d.durationMonths() != null && d.durationMonths() >= 3 && d.durationMonths() <= 12,
                "durationMonths", "见习期限须为 3–12 个月");
        checks.check(d.deadline() != null && !d.deadline().isBefore(today()), "deadline", "报名截止日期不能早于今天");
        checks.throwIfAny();
        Uni<Void> regionCheck = regions.findById(d.regionCode()).map(r -> {
            if (r == null) {
                throw ApiProblem.invalidField("regionCode", "未知的区县代码 " + d.regionCode());
            }
            return null;
        });
        if (d.departmentCode() == null || d.departmentCode().isBlank()) {
            return regionCheck;
        }
        return regionCheck.flatMap(v -> departments.findById(d.departmentCode())).map(dep -> {
            checkDepartmentTask(dep, d.departmentCode(), category, employer);
            return null;
        });
    }

    static void checkDepartmentTask(Department dep, String code, PositionCategory category, Employer employer) {
        if (dep == null) {
            throw ApiProblem.invalidField("departmentCode", "未知的部门代码 " + code);
        }
        if (dep.positionQuota == null) {
            throw ApiProblem.invalidField("departmentCode", dep.name + "没有岗位募集任务");
        }
        PositionCategory required = PositionCategory.fromLabel(dep.positionCategory);
        if (required != null && required != category) {
            throw ApiProblem.invalidField("departmentCode", dep.name + "的募集任务为" + required.label() + "岗位");
        }
        if ("GZW".equals(dep.code) && employer.ownership != Ownership.STATE_OWNED) {
            throw ApiProblem.invalidField("departmentCode", "市国资委的募集任务仅限国有企业的岗位");
        }
    }

    private static void apply(Position p, PositionDraft d) {
        p.title = d.title().trim();
        p.category = PositionCategory.valueOf(d.category().trim());
        p.headcount = d.headcount();
        p.education = Education.valueOf(d.education().trim());
        p.majors = d.majors() == null ? "" : d.majors().trim();
        p.description = d.description().trim();
        p.regionCode = d.regionCode();
        p.monthlyAllowance = d.monthlyAllowance();
        p.durationMonths = d.durationMonths();
        p.deadline = d.deadline();
        p.departmentCode = d.departmentCode() == null || d.departmentCode().isBlank() ? null : d.departmentCode();
        p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
