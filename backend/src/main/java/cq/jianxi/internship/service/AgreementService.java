package cq.jianxi.internship.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.internship.domain.BackDating;
import cq.jianxi.internship.domain.Internship;
import cq.jianxi.internship.domain.InternshipOrigin;
import cq.jianxi.internship.domain.InternshipRules;
import cq.jianxi.internship.domain.InternshipState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * From an accepted offer (or a placement arranged offline) to the intern's arrival: the agreement
 * (见习协议) the base signs, the arrival (到岗) the base records with its date, or the no-show that
 * cancels the agreement. Signing is not arriving: only an arrival puts the intern on post.
 */
@ApplicationScoped
public class AgreementService {

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    @Inject
    PersonalDataCipher cipher;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;
    @Inject
    InternshipAccess access;
    @Inject
    InternshipEligibility eligibility;
    @Inject
    InternshipNotices notices;

    /** The agreement a base signs; arrivedOn when the intern is already there. */
    public record Agreement(String mentorName, String mentorPhone, LocalDate startDate, LocalDate plannedEnd,
                            BigDecimal monthlyAllowance, LocalDate arrivedOn, String reason) {
    }

    /** A placement the district arranged outside the platform, for a registered young person. */
    public record OfflinePlacement(Long youthId, Long baseId, Long positionId, Agreement agreement) {
    }

    /**
     * Creates the internship of an accepted offer, inside the acceptance's transaction, with a proposed
     * agreement (start tomorrow, the position's duration and allowance) that the base then signs.
     */
    public Uni<Internship> createFromOffer(long applicationId, long youthId, long positionId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select p.base_id, b.region_code, p.duration_months, p.monthly_allowance
                        from position p join base b on b.id = p.base_id where p.id = :id""", Object[].class)
                .setParameter("id", positionId).getSingleResult()).flatMap(r -> {
            LocalDate start = clock.today().plusDays(1);
            Internship i = new Internship();
            i.applicationId = applicationId;
            i.youthId = youthId;
            i.positionId = positionId;
            i.baseId = ((Number) r[0]).longValue();
            i.regionCode = (String) r[1];
            i.startDate = start;
            i.plannedEnd = start.plusMonths(((Number) r[2]).intValue()).minusDays(1);
            i.monthlyAllowance = (BigDecimal) r[3];
            i.state = InternshipState.PENDING;
            i.origin = InternshipOrigin.ONLINE;
            i.createdAt = clock.now();
            i.updatedAt = i.createdAt;
            return eligibility.requireEligible(youthId, start).flatMap(graduate -> {
                i.unemployedGraduate = graduate;
                return i.<Internship>persist();
            });
        });
    }

    /** The base signs the agreement; with arrivedOn the intern is on post from that day. */
    @WithTransaction
    public Uni<InternshipAccess.Row> sign(Caller caller, long id, Agreement a) {
        caller.requireRole(Role.BASE);
        validate(caller, a);
        return access.own(caller, id).flatMap(i -> {
            if (i.state != InternshipState.PENDING) {
                throw ApiProblem.conflict("协议已签订，当前状态：" + i.state.label());
            }
            return apply(caller, i, a);
        }).call(notices::signed).call(i -> audit.record(caller, AuditAction.INTERNSHIP_AGREEMENT_SIGNED, "internship", String.valueOf(id),
                        backDatedNote(caller, a.startDate(), a.reason())))
                .flatMap(i -> access.row(i.id));
    }

    /**
     * The intern confirms the agreement the base signed, on the phone; the first confirmation stands. An agreement not
     * signed yet, or cancelled because the intern never arrived, cannot be confirmed.
     */
    @WithTransaction
    public Uni<InternshipAccess.Row> confirmByYouth(Caller caller, long id) {
        caller.requireRole(Role.YOUTH);
        return access.visible(caller, id, true).flatMap(i -> {
            if (i.agreementSignedAt == null || i.state == InternshipState.PENDING || i.state == InternshipState.NO_SHOW) {
                throw ApiProblem.conflict("协议尚未签订或已取消，当前状态：" + i.state.label());
            }
            if (i.youthAgreementConfirmedAt != null) {
                return Uni.createFrom().item(i);
            }
            i.youthAgreementConfirmedAt = clock.now();
            return audit.record(caller, AuditAction.INTERNSHIP_AGREEMENT_CONFIRMED, "internship", String.valueOf(id), null)
                    .replaceWith(i);
        }).flatMap(i -> access.row(i.id));
    }

    /** District staff record an internship arranged offline: the agreement and, if it happened, the arrival. */
    @WithTransaction
    public Uni<InternshipAccess.Row> recordOffline(Caller caller, OfflinePlacement p) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        new Checks().check(p.youthId() != null, "youthId", "请选择已登记的青年")
                .check(p.baseId() != null, "baseId", "请选择见习基地")
                .check(p.positionId() != null, "positionId", "请选择该基地的见习岗位").throwIfAny();
        validate(caller, p.agreement());
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select b.region_code, b.status, (select count(*) from youth y where y.id = :youth)
                        from position p join base b on b.id = p.base_id where p.id = :position and b.id = :base""", Object[].class)
                .setParameter("position", p.positionId()).setParameter("base", p.baseId()).setParameter("youth", p.youthId())
                .getSingleResultOrNull()).flatMap(r -> {
            if (r == null) {
                throw ApiProblem.invalidField("positionId", "该岗位不属于所选基地");
            }
            caller.requireRegion((String) r[0]);
            if (!"APPROVED".equals(r[1])) {
                throw ApiProblem.conflict("该基地不是已备案的见习基地");
            }
            if (((Number) r[2]).longValue() == 0) {
                throw ApiProblem.invalidField("youthId", "请先为该青年实名登记");
            }
            Internship i = new Internship();
            i.youthId = p.youthId();
            i.baseId = p.baseId();
            i.positionId = p.positionId();
            i.regionCode = (String) r[0];
            i.state = InternshipState.PENDING;
            i.origin = InternshipOrigin.OFFLINE;
            i.createdAt = clock.now();
            return apply(caller, i, p.agreement()).call(x -> i.persist());
        }).call(i -> Panache.getSession().flatMap(s -> s.flush())).call(notices::signed)
                .call(i -> audit.record(caller, AuditAction.INTERNSHIP_RECORDED_OFFLINE, "internship", String.valueOf(i.id),
                        backDatedNote(caller, p.agreement().startDate(), p.agreement().reason())))
                .flatMap(i -> access.row(i.id));
    }

    /** The base (or the district, for an offline placement) records the day the intern arrived. */
    @WithTransaction
    public Uni<InternshipAccess.Row> arrive(Caller caller, long id, LocalDate arrivedOn, String reason) {
        new Checks().check(arrivedOn != null, "arrivedOn", "请填写到岗日期").throwIfAny();
        return access.editable(caller, id).flatMap(i -> {
            if (i.state != InternshipState.SIGNED) {
                throw ApiProblem.conflict("只有已签协议待到岗的见习可以登记到岗，当前状态：" + i.state.label());
            }
            Checks c = new Checks();
            BackDating.check(c, caller, arrivedOn, clock.today(), "arrivedOn", reason);
            InternshipRules.arrival(c, i.startDate, i.plannedEnd, arrivedOn, clock.today());
            c.throwIfAnyRuleBroken();
            return markArrived(i, arrivedOn);
        }).call(notices::arrived).call(i -> audit.record(caller, AuditAction.INTERNSHIP_ARRIVED, "internship", String.valueOf(id),
                        "到岗 " + arrivedOn + backDatedNote(caller, arrivedOn, reason)))
                .flatMap(i -> access.row(i.id));
    }

    /** The intern never arrived: the agreement is cancelled and the person's calendar is free again. */
    @WithTransaction
    public Uni<InternshipAccess.Row> noShow(Caller caller, long id, String reason) {
        new Checks().notBlank("reason", reason, 500, "未到岗原因").throwIfAny();
        return access.editable(caller, id).flatMap(i -> {
            if (i.state != InternshipState.SIGNED && i.state != InternshipState.PENDING) {
                throw ApiProblem.conflict("只有尚未到岗的见习可以登记未到岗，当前状态：" + i.state.label());
            }
            i.state = InternshipState.NO_SHOW;
            i.endReason = reason.trim();
            i.updatedAt = clock.now();
            return Panache.getSession().flatMap(s -> s.flush()).replaceWith(i);
        }).call(notices::noShow).call(i -> audit.record(caller, AuditAction.INTERNSHIP_NO_SHOW, "internship", String.valueOf(id), reason.trim()))
                .flatMap(i -> access.row(i.id));
    }

    private void validate(Caller caller, Agreement a) {
        Checks checks = new Checks();
        if (a == null) {
            throw ApiProblem.invalidField("agreement", "请填写见习协议");
        }
        checks.notBlank("mentorName", a.mentorName(), 50, "带教老师");
        checks.check(a.mentorPhone() == null || a.mentorPhone().isBlank() || PHONE.matcher(a.mentorPhone().trim()).matches(),
                "mentorPhone", "带教老师电话格式不正确");
        InternshipRules.agreement(checks, a.startDate(), a.plannedEnd(), a.monthlyAllowance());
        checks.throwIfAnyRuleBroken();
        LocalDate today = clock.today();
        // A future start is an agreement signed ahead; a past one is a back-dated entry with its limits.
        if (a.startDate().isBefore(today)) {
            BackDating.check(checks, caller, a.startDate(), today, "startDate", a.reason());
        } else {
            checks.check(!a.startDate().isAfter(today.plusYears(1)), "startDate", "开始日期不能晚于一年后");
        }
        if (a.arrivedOn() != null) {
            BackDating.check(checks, caller, a.arrivedOn(), today, "arrivedOn", a.reason());
            InternshipRules.arrival(checks, a.startDate(), a.plannedEnd(), a.arrivedOn(), today);
        }
        checks.throwIfAnyRuleBroken();
    }

    /** Fills the agreement in, checks the allowance floor of its year and, with an arrival, puts the intern on post. */
    private Uni<Internship> apply(Caller caller, Internship i, Agreement a) {
        return eligibility.allowanceFloor(a.startDate().getYear()).flatMap(floor -> {
            if (a.monthlyAllowance().compareTo(floor) < 0) {
                throw ApiProblem.invalidField("monthlyAllowance", "月基本生活费不能低于 " + floor.toPlainString() + " 元（"
                        + a.startDate().getYear() + " 年最低标准）");
            }
            i.mentorName = a.mentorName().trim();
            i.mentorPhoneEncrypted = a.mentorPhone() == null || a.mentorPhone().isBlank() ? null
                    : cipher.encrypt(a.mentorPhone().trim());
            i.startDate = a.startDate();
            i.plannedEnd = a.plannedEnd();
            i.monthlyAllowance = a.monthlyAllowance();
            i.state = InternshipState.SIGNED;
            i.agreementSignedAt = clock.now();
            i.updatedAt = i.agreementSignedAt;
            return eligibility.requireEligible(i.youthId, i.startDate).flatMap(graduate -> {
                i.unemployedGraduate = graduate;
                return a.arrivedOn() == null ? Uni.createFrom().item(i) : markArrived(i, a.arrivedOn());
            });
        }).call(x -> i.id == null ? Uni.createFrom().voidItem() : Panache.getSession().flatMap(s -> s.flush()));
    }

    /** Whether the intern is an unemployed graduate is fixed on the day of arrival (indicators 7 and 10). */
    private Uni<Internship> markArrived(Internship i, LocalDate arrivedOn) {
        return eligibility.requireEligible(i.youthId, arrivedOn).map(graduate -> {
            i.arrivedOn = arrivedOn;
            i.unemployedGraduate = graduate;
            i.state = InternshipState.ON_POST;
            i.updatedAt = clock.now();
            return i;
        }).call(x -> i.id == null ? Uni.createFrom().voidItem() : Panache.getSession().flatMap(s -> s.flush()));
    }

    private String backDatedNote(Caller caller, LocalDate date, String reason) {
        if (date == null || !date.isBefore(clock.today())) {
            return "";
        }
        return "（补录 " + date + (reason == null || reason.isBlank() ? "" : "，原因：" + reason.trim()) + "）";
    }
}
