package cq.jianxi.organization.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.Masking;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.events.RecruitmentChanges;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.validation.CreditCode;
import cq.jianxi.identity.service.AccountService;
import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.BaseLevel;
import cq.jianxi.organization.domain.BaseStatus;
import cq.jianxi.organization.domain.Department;
import cq.jianxi.organization.domain.Employer;
import cq.jianxi.organization.domain.FilingSource;
import cq.jianxi.organization.domain.OperatingStatus;
import cq.jianxi.organization.domain.Ownership;
import cq.jianxi.organization.repository.BaseRepository;
import cq.jianxi.organization.repository.DepartmentRepository;
import cq.jianxi.organization.repository.EmployerRepository;
import cq.jianxi.organization.repository.KeyEnterpriseCategoryRepository;
import cq.jianxi.organization.service.BaseRegistry.BaseDetails;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import cq.jianxi.region.service.Regions;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Base filing (见习基地备案): an employer applies, a department recommends, or a district files
 * directly, and a rejected filing is corrected and resubmitted. The district's decisions are
 * {@link BaseFilingDecisions}; reading bases is {@link BaseRegistry}.
 */
@ApplicationScoped
public class BaseFilingService {

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    @Inject
    EmployerRepository employers;
    @Inject
    BaseRepository bases;
    @Inject
    Regions regions;
    @Inject
    DepartmentRepository departments;
    @Inject
    KeyEnterpriseCategoryRepository categories;
    @Inject
    AccountService accounts;
    @Inject
    AuditService audit;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    RecruitmentChanges changes;
    @Inject
    AppClock clock;
    @Inject
    BaseRegistry registry;
    @Inject
    FilingProposals proposals;
    @Inject
    cq.jianxi.calendar.service.WorkCalendar calendar;
    @Inject
    NotificationService notifications;

    /** Working days a district has to decide a submission (受理后 N 个工作日内审核). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "jianxi.filing.review-working-days", defaultValue = "15")
    int reviewWorkingDays;

    /**
     * Starts a filing. Anonymous callers apply for their own employer (an account is required and
     * waits for approval); a recommending department's application records the department; a district
     * or city admin's filing is approved at once.
     */
    @WithTransaction
    public Uni<BaseDetails> apply(Caller caller, FilingRequest request) {
        FilingSource source = sourceFor(caller);
        Checks checks = new Checks();
        String creditCode = CreditCode.normalize(request.creditCode());
        checks.problem("creditCode", CreditCode.problem(creditCode));
        checks.notBlank("employerName", request.employerName(), 200, "单位名称");
        checks.notBlank("regionCode", request.regionCode(), 16, "所在区县");
        checks.notBlank("industry", request.industry(), 64, "所属行业");
        Ownership ownership = checks.enumValue("ownership", request.ownership(), Ownership.class, "单位性质");
        checks.notBlank("contactName", request.contactName(), 50, "联系人");
        checks.check(request.contactPhone() != null && PHONE.matcher(request.contactPhone().trim()).matches(),
                "contactPhone", "联系电话应为 11 位手机号或带区号的固定电话");
        checks.check(request.address() == null || request.address().length() <= 200, "address", "地址不能超过 200 个字符");
        boolean withAccount = request.username() != null && !request.username().isBlank();
        if (source == FilingSource.SELF) {
            checks.check(withAccount, "username", "自主申请须设置基地账户用户名");
        }
        checks.throwIfAny();
        if (withAccount) {
            accounts.validate("username", request.username().trim(), "password", request.password());
        }
        if (caller != null && caller.is(Role.DISTRICT_ADMIN)) {
            caller.requireRegion(request.regionCode());
        }
        List<String> requestedCategories = request.keyCategories() == null ? List.of()
                : request.keyCategories().stream().distinct().toList();

        return regions.findById(request.regionCode()).flatMap(region -> {
            if (region == null) {
                throw ApiProblem.invalidField("regionCode", "未知的区县代码 " + request.regionCode());
            }
            return categories.listInOrder();
        }).flatMap(known -> {
            Set<String> codes = known.stream().map(c -> c.code).collect(Collectors.toSet());
            for (String code : requestedCategories) {
                if (!codes.contains(code)) {
                    throw ApiProblem.invalidField("keyCategories", "未知的重点企业类别 " + code);
                }
            }
            return recommendingDepartment(caller, source);
        }).flatMap(department -> employers.findByCreditCodeForUpdate(creditCode).flatMap(existing -> {
            OffsetDateTime now = clock.now();
            Uni<Employer> employerUni;
            if (existing != null) {
                employerUni = bases.findLiveFiling(existing.id).map(live -> {
                    if (live != null) {
                        // Named at the field; the other filing's number is not told to whoever asks.
                        throw ApiProblem.conflictAt("creditCode", "该统一社会信用代码已有" + live.status.label() + "的见习基地备案");
                    }
                    // An employer on record is not rewritten by a filing: its data waits on the filing for review.
                    return existing;
                });
            } else {
                Employer employer = new Employer();
                employer.creditCode = creditCode;
                employer.operatingStatus = OperatingStatus.EXISTING;
                employer.createdAt = now;
                fill(employer, request, ownership);
                employerUni = employers.persist(employer);
            }
            FilingProposals.Proposal proposal = new FilingProposals.Proposal(request.employerName().trim(), request.regionCode(), request.industry().trim(),
                    ownership.name(), requestedCategories);
            return employerUni.flatMap(employer -> existing == null
                    ? employers.addCategories(employer.id, requestedCategories).replaceWith(employer)
                    : Uni.createFrom().item(employer)).flatMap(employer -> {
                Base base = new Base();
                base.employerId = employer.id;
                base.name = proposal.name();
                base.regionCode = proposal.regionCode();
                base.proposal = existing == null ? null : proposal.json();
                base.level = BaseLevel.ORDINARY;
                base.source = source;
                base.recommendingDepartmentCode = department == null ? null : department.code;
                base.contactName = request.contactName().trim();
                base.contactPhoneEncrypted = cipher.encrypt(request.contactPhone().trim());
                base.address = request.address();
                base.appliedAt = now;
                base.submittedAt = now;
                base.createdAt = now;
                if (source == FilingSource.DISTRICT) {
                    approveNow(base, caller, now);
                } else {
                    base.status = BaseStatus.PENDING;
                }
                return deadlineFor(base, now).flatMap(v -> proposals.apply(base)).replaceWith(base).flatMap(bases::persist)
                        // The receipt number is the database's (numbered per region and year); read it back.
                        .call(saved -> io.quarkus.hibernate.reactive.panache.Panache.getSession().flatMap(s -> s.refresh(saved)))
                        .call(saved -> withAccount
                                ? accounts.createScoped("username", request.username().trim(), request.password(),
                                employer.name, Role.BASE, employer.regionCode, saved.id, null,
                                request.contactPhone())
                                : Uni.createFrom().voidItem())
                        .call(saved -> audit.record(actorOrApplicant(caller, request),
                                source == FilingSource.DISTRICT ? AuditAction.BASE_FILED : AuditAction.BASE_APPLIED,
                                "base", String.valueOf(saved.id), employer.name + "（" + employer.creditCode + "）"))
                        .call(saved -> saved.status == BaseStatus.APPROVED ? changes.announce() : waiting(saved, "提交了见习基地备案申请"))
                        .flatMap(saved -> employers.categoriesOf(employer.id)
                                .map(cats -> new BaseDetails(saved, employer, cats, Masking.phone(request.contactPhone().trim()), true,
                                        saved.overdueOn(clock.today()))));
            });
        }));
    }

    /** What a base corrects after a rejection: the filing's fields except the employer's code, region and account. */
    public record FilingCorrection(String employerName, String industry, String ownership, List<String> keyCategories,
                                   String contactName, String contactPhone, String address) {
    }

    /**
     * The base corrects its rejected filing and submits it again: the same filing (receipt, documents,
     * history) goes back to PENDING in a new round with a new deadline, so no second account is needed.
     * The employer's data waits as a proposal until approval, as an application's does.
     */
    @WithTransaction
    public Uni<BaseDetails> resubmit(Caller caller, long id, FilingCorrection correction) {
        caller.requireRole(Role.BASE);
        Checks checks = new Checks();
        checks.notBlank("employerName", correction.employerName(), 200, "单位名称");
        checks.notBlank("industry", correction.industry(), 64, "所属行业");
        Ownership ownership = checks.enumValue("ownership", correction.ownership(), Ownership.class, "单位性质");
        checks.notBlank("contactName", correction.contactName(), 50, "联系人");
        checks.check(correction.contactPhone() != null && PHONE.matcher(correction.contactPhone().trim()).matches(),
                "contactPhone", "联系电话应为 11 位手机号或带区号的固定电话");
        checks.check(correction.address() == null || correction.address().length() <= 200, "address", "地址不能超过 200 个字符");
        checks.throwIfAny();
        List<String> requested = correction.keyCategories() == null ? List.of()
                : correction.keyCategories().stream().distinct().toList();
        return bases.findByIdForUpdate(id).flatMap(base -> {
            BaseRegistry.requireVisible(caller, base);
            if (base.status != BaseStatus.REJECTED) {
                throw ApiProblem.conflict("只有未通过的备案可以修改后重新提交，当前状态：" + base.status.label());
            }
            return categories.listInOrder().flatMap(known -> {
                Set<String> codes = known.stream().map(c -> c.code).collect(Collectors.toSet());
                for (String code : requested) {
                    if (!codes.contains(code)) {
                        throw ApiProblem.invalidField("keyCategories", "未知的重点企业类别 " + code);
                    }
                }
                return bases.findLiveFiling(base.employerId);
            }).flatMap(live -> {
                if (live != null) {
                    throw ApiProblem.conflict("该单位已有" + live.status.label() + "的见习基地备案（编号 " + live.id + "）");
                }
                OffsetDateTime now = clock.now();
                base.name = correction.employerName().trim();
                base.proposal = new FilingProposals.Proposal(base.name, base.regionCode, correction.industry().trim(), ownership.name(),
                        requested).json();
                base.contactName = correction.contactName().trim();
                base.contactPhoneEncrypted = cipher.encrypt(correction.contactPhone().trim());
                base.address = correction.address() == null || correction.address().isBlank() ? null : correction.address().trim();
                base.status = BaseStatus.PENDING;
                base.submissionRound = base.submissionRound + 1;
                base.submittedAt = now;
                base.decidedAt = null;
                base.decidedBy = null;
                base.rejectReason = null;
                return deadlineFor(base, now)
                        .call(v -> audit.record(caller, AuditAction.BASE_RESUBMITTED, "base", String.valueOf(id),
                                "第 " + base.submissionRound + " 次提交"))
                        .call(v -> waiting(base, "修改后重新提交了见习基地备案申请"))
                        .flatMap(v -> registry.details(base, false, caller));
            });
        });
    }

    /** The employer data a filing declares: its pending proposal if any, else the employer's own. */
    public static Declared declared(Base base, Employer employer, List<String> categories) {
        if (base.proposal != null) {
            FilingProposals.Proposal p = FilingProposals.Proposal.of(base.proposal);
            return new Declared(p.name(), p.industry(), Ownership.valueOf(p.ownership()), p.keyCategories());
        }
        return new Declared(employer.name, employer.industry, employer.ownership, categories);
    }

    /** The employer data a filing declares, as the reviewer checks it. */
    public record Declared(String employerName, String industry, Ownership ownership, List<String> keyCategories) {
    }

    /** A pending submission's deadline: N working days after the day it was made, from the holiday calendar. */
    private Uni<Void> deadlineFor(Base base, OffsetDateTime submitted) {
        if (base.status != BaseStatus.PENDING) {
            base.reviewDeadline = null;
            return Uni.createFrom().voidItem();
        }
        return calendar.workingDaysAfter(AppClock.dateOf(submitted), reviewWorkingDays)
                .invoke(d -> base.reviewDeadline = d).replaceWithVoid();
    }

    /** The district admins of the filing's region are told a submission waits for their review, and until when. */
    private Uni<Void> waiting(Base base, String what) {
        return notifications.toRegion(base.regionCode, NotificationKind.FILING_WAITING, "见习基地备案待审核",
                "“" + base.name + "”" + what + "，请于 " + base.reviewDeadline + " 前完成现场核查和审核。", "/admin/base-review");
    }

    /** Approves in place; the year of approval is the year the base is filed (counted toward new-base targets). */
    static void approveNow(Base base, Caller caller, OffsetDateTime now) {
        base.status = BaseStatus.APPROVED;
        base.decidedAt = now;
        base.decidedBy = caller == null ? null : caller.username();
        base.filedYear = AppClock.dateOf(now).getYear();
        base.rejectReason = null;
    }

    private static FilingSource sourceFor(Caller caller) {
        if (caller == null) {
            return FilingSource.SELF;
        }
        return switch (caller.role()) {
            case CITY_ADMIN, DISTRICT_ADMIN -> FilingSource.DISTRICT;
            case DEPARTMENT -> FilingSource.DEPARTMENT;
            default -> throw ApiProblem.forbidden("当前角色不能提交见习基地备案申请");
        };
    }

    private Uni<Department> recommendingDepartment(Caller caller, FilingSource source) {
        if (source != FilingSource.DEPARTMENT) {
            return Uni.createFrom().nullItem();
        }
        return departments.findById(caller.departmentCode()).map(d -> {
            // The notice asks the six departments with position quotas to recommend employers.
            if (d == null || d.positionQuota == null) {
                throw ApiProblem.forbidden("本部门不在推荐见习单位的部门之列");
            }
            return d;
        });
    }

    private static void fill(Employer employer, FilingRequest request, Ownership ownership) {
        employer.name = request.employerName().trim();
        employer.regionCode = request.regionCode();
        employer.industry = request.industry().trim();
        employer.ownership = ownership;
    }

    private static Caller actorOrApplicant(Caller caller, FilingRequest request) {
        return caller != null ? caller
                : new Caller(null, null, request.username() == null ? "applicant" : request.username().trim(),
                request.employerName(), null, null, null, null, null, null, null);
    }
}
