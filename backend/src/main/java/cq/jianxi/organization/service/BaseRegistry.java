package cq.jianxi.organization.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.Masking;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.BaseStatus;
import cq.jianxi.organization.domain.Employer;
import cq.jianxi.organization.domain.OperatingStatus;
import cq.jianxi.organization.repository.BaseRepository;
import cq.jianxi.organization.repository.EmployerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Filed bases as staff and bases read them, and the operating status market regulation reports for employers. */
@ApplicationScoped
public class BaseRegistry {

    @Inject
    EmployerRepository employers;
    @Inject
    BaseRepository bases;
    @Inject
    AuditService audit;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    AppClock clock;

    /** A base with its employer and categories, as services hand it to the REST layer. */
    public record BaseDetails(Base base, Employer employer, List<String> keyCategories, String contactPhone,
                              boolean contactPhoneMasked, boolean overdue) {
    }

    /** An employer with its key-enterprise categories. */
    public record EmployerDetails(Employer employer, List<String> keyCategories) {
    }

    /** A page of bases. */
    public record BasePage(List<BaseDetails> items, long total, int page, int size, long overdueCount) {
    }

    /** One base; the contact phone is masked unless {@code reveal}, and every full view is audited. */
    @WithTransaction
    public Uni<BaseDetails> get(Caller caller, long id, boolean reveal) {
        return bases.findById(id).flatMap(base -> {
            requireVisible(caller, base);
            boolean own = caller.is(Role.BASE);
            if (reveal && !own) {
                caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
                return audit.record(caller, AuditAction.PERSONAL_DATA_VIEWED, "base", String.valueOf(id), "联系人电话")
                        .flatMap(v -> details(base, true, caller));
            }
            return details(base, reveal && own, caller);
        });
    }

    @WithSession
    public Uni<BasePage> list(Caller caller, String regionCode, BaseStatus status, String keyword, boolean overdue,
                              int page, int size) {
        new Checks().page(page, size, 200).throwIfAny();
        Long onlyBase = null;
        String region = regionCode;
        switch (caller.role()) {
            case CITY_ADMIN, DEPARTMENT -> { }
            case DISTRICT_ADMIN -> {
                if (region != null) {
                    caller.requireRegion(region);
                }
                region = caller.regionCode();
            }
            case BASE -> onlyBase = caller.baseId();
            default -> throw ApiProblem.forbidden("当前角色无权查看见习基地列表");
        }
        java.time.LocalDate today = clock.today();
        var query = bases.search(region, status, keyword == null || keyword.isBlank() ? null : keyword.trim(), onlyBase,
                overdue ? today : null);
        // The queue's overdue count covers the caller's scope and region, whatever the other filters.
        var late = bases.search(region, BaseStatus.PENDING, null, onlyBase, today);
        return query.page(page, size).list().flatMap(list -> query.count().flatMap(total -> late.count().flatMap(lateCount -> {
            List<Long> employerIds = list.stream().map(b -> b.employerId).distinct().toList();
            return employers.list("id in ?1", employerIds.isEmpty() ? List.of(-1L) : employerIds)
                    .flatMap(found -> employers.categoriesOf(employerIds).map(cats -> {
                        Map<Long, Employer> byId = found.stream().collect(Collectors.toMap(e -> e.id, e -> e));
                        List<BaseDetails> items = list.stream().map(b -> new BaseDetails(b, byId.get(b.employerId),
                                cats.getOrDefault(b.employerId, List.of()), masked(b), true, b.overdueOn(today))).toList();
                        return new BasePage(items, total, page, size, lateCount);
                    }));
        })));
    }

    /** Market regulation's status of an employer; a revoked or deregistered employer's base cannot publish. */
    @WithTransaction
    public Uni<EmployerDetails> setOperatingStatus(Caller caller, long employerId, String status) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        Checks checks = new Checks();
        OperatingStatus value = checks.enumValue("status", status, OperatingStatus.class, "经营状态");
        checks.throwIfAny();
        return employers.findById(employerId).flatMap(employer -> {
            if (employer == null) {
                throw ApiProblem.notFound("用人单位不存在");
            }
            caller.requireRegion(employer.regionCode);
            employer.operatingStatus = value;
            employer.statusChangedAt = clock.now();
            return audit.record(caller, AuditAction.EMPLOYER_STATUS_CHANGED, "employer", String.valueOf(employerId),
                    value.label()).flatMap(v -> employers.categoriesOf(employer.id))
                    .map(cats -> new EmployerDetails(employer, cats));
        });
    }

    Uni<BaseDetails> details(Base base, boolean full, Caller caller) {
        return employers.findById(base.employerId).flatMap(employer -> employers.categoriesOf(employer.id)
                .map(cats -> new BaseDetails(base, employer, cats,
                        full ? cipher.decrypt(base.contactPhoneEncrypted) : masked(base), !full, base.overdueOn(clock.today()))));
    }

    String masked(Base base) {
        return Masking.phone(cipher.decrypt(base.contactPhoneEncrypted));
    }

    static void requireVisible(Caller caller, Base base) {
        if (base == null) {
            throw ApiProblem.notFound("见习基地不存在");
        }
        switch (caller.role()) {
            case CITY_ADMIN, DEPARTMENT -> { }
            case DISTRICT_ADMIN -> caller.requireRegion(base.regionCode);
            case BASE -> {
                if (!base.id.equals(caller.baseId())) {
                    throw ApiProblem.forbidden("只能查看本基地的信息");
                }
            }
            default -> throw ApiProblem.forbidden("无权查看见习基地信息");
        }
    }
}
