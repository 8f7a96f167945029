package cq.jianxi.position.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.organization.service.Organizations;
import cq.jianxi.position.domain.Education;
import cq.jianxi.position.domain.OpenToYouth;
import cq.jianxi.position.domain.Position;
import cq.jianxi.position.domain.PositionCategory;
import cq.jianxi.position.domain.PositionStatus;
import cq.jianxi.position.repository.PositionQueries;
import cq.jianxi.position.repository.PositionRepository;
import cq.jianxi.subsidy.service.SubsidyRates;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reading positions: the public search young people use, the management lists of bases and staff,
 * one position, and the check other contexts make before a young person applies.
 */
@ApplicationScoped
public class PositionSearch {

    public static final int MAX_PAGE = 100;

    @Inject
    PositionQueries queries;
    @Inject
    PositionRepository positions;
    @Inject
    Organizations organizations;
    @Inject
    SubsidyRates rates;
    @Inject
    AppClock clock;

    /** A page of positions with their base and employer names. */
    public record Page(List<PositionQueries.Row> items, long total, int page, int size) {
    }

    /** Today's rule of what young people see and may apply to (for recommendations in other contexts). */
    public Uni<OpenToYouth> openToYouth() {
        LocalDate today = clock.today();
        return rates.allowanceFloor(today.getYear()).map(floor -> new OpenToYouth(today, floor.orElse(null)));
    }

    /**
     * The position a young person applies to, or 409 when it is not open to
     * them: not published or past its deadline, its base not (or no longer) approved, or below the floor.
     */
    public Uni<Position> openForApplication(Long positionId) {
        if (positionId == null) {
            throw ApiProblem.invalidField("positionId", "请选择岗位");
        }
        return positions.findById(positionId).flatMap(p -> {
            if (p == null) {
                throw ApiProblem.ruleAt("positionId", "岗位不存在");
            }
            return organizations.base(p.baseId).flatMap(base -> openToYouth().map(open -> {
                String refusal = open.refusal(p, base.status);
                if (refusal != null) {
                    throw ApiProblem.conflict(refusal);
                }
                return p;
            }));
        });
    }

    /** Public search: what young people may apply to today. */
    @WithSession
    public Uni<Page> search(String keyword, String regionCode, String category, String education, Long baseId, int page,
                            int size) {
        Checks checks = new Checks();
        PositionCategory cat = category == null || category.isBlank() ? null
                : checks.enumValue("category", category, PositionCategory.class, "岗位类别");
        Education edu = education == null || education.isBlank() ? null
                : checks.enumValue("education", education, Education.class, "学历");
        checks.page(page, size, MAX_PAGE);
        checks.throwIfAny();
        return openToYouth().flatMap(open -> page(new PositionQueries.Criteria(blank(keyword), blank(regionCode), cat, edu,
                null, null, null, baseId, open), page, size));
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
                st == null ? null : List.of(st), null, baseRegion, onlyBase, null);
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
            return organizations.base(p.baseId).map(base -> {
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

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The given positions by id, for other contexts' lists (a base's applications). */
    @WithSession
    public Uni<Map<Long, Position>> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return positions.list("id in ?1", Set.copyOf(ids))
                .map(list -> list.stream().collect(Collectors.toMap(p -> p.id, Function.identity())));
    }

    /** The ids of every position of a base, whatever its status. */
    @WithSession
    public Uni<List<Long>> idsOfBase(long baseId) {
        return positions.idsOfBase(baseId);
    }
}
