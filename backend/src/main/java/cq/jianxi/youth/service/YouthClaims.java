package cq.jianxi.youth.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.Masking;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.validation.ResidentId;
import cq.jianxi.identity.service.AccountService;
import cq.jianxi.notification.sms.SmsMessage;
import cq.jianxi.notification.sms.SmsService;
import cq.jianxi.youth.domain.ClaimStatus;
import cq.jianxi.youth.domain.Youth;
import cq.jianxi.youth.repository.YouthRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Roster claims awaiting the district: a registration whose ID number is on the education
 * department's roster with another phone. The district confirms (the profile is applied and the
 * account opened) or rejects with a reason; either way the applicant gets a text message.
 */
@ApplicationScoped
public class YouthClaims {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    YouthRepository youths;
    @Inject
    YouthProfiles profiles;
    @Inject
    AccountService accounts;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    SmsService sms;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;
    @Inject
    ObjectMapper json;
    @Inject
    cq.jianxi.privacy.service.ConsentService consents;

    /** A claim as the district sees it: the roster's record beside what the applicant entered. */
    public record Claim(long id, long youthId, String regionCode, ClaimStatus status, String rosterName, String claimedName,
                        String idNumberMasked, String rosterPhone, String claimedPhone, String claimedSchool,
                        String claimedMajor, String username, OffsetDateTime submittedAt, OffsetDateTime decidedAt,
                        String decisionNote) {
    }

    public record Page(List<Claim> items, long total, int page, int size) {
    }

    @WithSession
    public Uni<Page> search(Caller caller, ClaimStatus status, int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        new Checks().page(page, size, MAX_PAGE_SIZE).throwIfAny();
        String region = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        String where = " where (cast(:region as varchar) is null or c.region_code = :region)"
                + " and (cast(:status as varchar) is null or c.status = :status)";
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select count(*) from youth_claim c" + where, Long.class)
                .setParameter("region", region).setParameter("status", status == null ? null : status.name())
                .getSingleResult()
                .flatMap(total -> s.createNativeQuery(SELECT + where + " order by c.submitted_at, c.id limit :size offset :offset",
                                Object[].class)
                        .setParameter("region", region).setParameter("status", status == null ? null : status.name())
                        .setParameter("size", size).setParameter("offset", page * size)
                        .getResultList()
                        .map(rows -> new Page(rows.stream().map(r -> claim(r, false)).toList(), total, page, size))));
    }

    /** One claim with both phones in full, so the district can call; the view is audited. */
    @WithTransaction
    public Uni<Claim> reveal(Caller caller, long id) {
        return load(caller, id, false).flatMap(row -> audit.record(caller, AuditAction.PERSONAL_DATA_VIEWED,
                "youth_claim", String.valueOf(id), "核实实名认领").replaceWith(claim(row, true)));
    }

    @WithTransaction
    public Uni<Claim> confirm(Caller caller, long id, String note) {
        return load(caller, id, true).flatMap(row -> {
            long youthId = ((Number) row[1]).longValue();
            YouthProfile profile = profileOf((String) row[16]);
            String phone = cipher.decrypt((String) row[8]);
            String username = (String) row[11];
            return accounts.existsForYouth(youthId).flatMap(has -> {
                if (has) {
                    throw ApiProblem.conflict("该登记记录已有账户，不能再认领");
                }
                return youths.findById(youthId);
            }).flatMap(y -> {
                profiles.apply(y, profile, ResidentId.normalize(profile.idNumber()));
                String consentVersion = (String) row[18];
                return accounts.createScopedWithHash(username, (String) row[17], y.name, Role.YOUTH, null, null, y.id, phone)
                        // The consent the applicant gave on the form, recorded once the account exists.
                        .call(account -> consentVersion == null ? Uni.createFrom().voidItem()
                                : consents.recordAtRegistration(y.id, account.id, consentVersion, (String) row[19]).replaceWithVoid())
                        .flatMap(account -> decide(caller, id, ClaimStatus.CONFIRMED, note))
                        .call(() -> sms.send(new SmsMessage(phone, "CLAIM_CONFIRMED", Map.of("username", username),
                                "您的实名信息已由区县人社部门核实，用户名 " + username + "，现在可以登录见习通。")))
                        .call(() -> audit.record(caller, AuditAction.YOUTH_CLAIM_CONFIRMED, "youth", String.valueOf(y.id), null));
            }).flatMap(v -> load(caller, id, false)).map(r -> claim(r, false));
        });
    }

    @WithTransaction
    public Uni<Claim> reject(Caller caller, long id, String note) {
        new Checks().notBlank("note", note, 200, "驳回理由").throwIfAnyRuleBroken();
        return load(caller, id, true).flatMap(row -> {
            String phone = cipher.decrypt((String) row[8]);
            return decide(caller, id, ClaimStatus.REJECTED, note.trim())
                    .call(() -> sms.send(new SmsMessage(phone, "CLAIM_REJECTED", Map.of("note", note.trim()),
                            "您的实名认领未通过区县人社部门核实：" + note.trim() + "。如有疑问请联系区县人社部门。")))
                    .call(() -> audit.record(caller, AuditAction.YOUTH_CLAIM_REJECTED, "youth_claim", String.valueOf(id), note.trim()))
                    .flatMap(v -> load(caller, id, false)).map(r -> claim(r, false));
        });
    }

    private Uni<Void> decide(Caller caller, long id, ClaimStatus status, String note) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update youth_claim set status = :status, decided_at = :at, decided_by = :by, decision_note = :note
                        where id = :id""")
                .setParameter("status", status.name()).setParameter("at", clock.now()).setParameter("by", caller.userId())
                .setParameter("note", note == null || note.isBlank() ? null : note.trim()).setParameter("id", id)
                .executeUpdate()).replaceWithVoid();
    }

    /** The claim's row (locked and required to be pending when deciding), or 404 outside the caller's district. */
    private Uni<Object[]> load(Caller caller, long id, boolean forDecision) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        return Panache.getSession().flatMap(s -> s.createNativeQuery(SELECT + " where c.id = :id"
                        + (forDecision ? " for update of c" : ""), Object[].class)
                .setParameter("id", id).getResultList())
                .map(rows -> {
                    Object[] row = rows.isEmpty() ? null : rows.get(0);
                    if (row == null || (caller.is(Role.DISTRICT_ADMIN) && !caller.regionCode().equals(row[2]))) {
                        throw ApiProblem.notFound("认领申请不存在");
                    }
                    if (forDecision && !ClaimStatus.PENDING.name().equals(row[3])) {
                        throw ApiProblem.conflict("该认领申请已处理");
                    }
                    return row;
                });
    }

    private static final String SELECT = """
            select c.id, c.youth_id, c.region_code, c.status, y.name, y.id_number_enc, y.phone_enc, c.username,
                   c.phone_enc, c.submitted_at, c.decided_at, c.username, c.decision_note, y.school, y.major, y.region_code,
                   c.profile_json, c.password_hash, c.consent_version, c.submitted_ip
            from youth_claim c join youth y on y.id = c.youth_id""";

    private Claim claim(Object[] r, boolean full) {
        YouthProfile p = profileOf((String) r[16]);
        String id = cipher.decrypt((String) r[5]);
        String rosterPhone = r[6] == null ? null : cipher.decrypt((String) r[6]);
        String claimedPhone = cipher.decrypt((String) r[8]);
        return new Claim(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                ClaimStatus.valueOf((String) r[3]), (String) r[4], p.name(), Masking.idNumber(id),
                rosterPhone == null ? null : full ? rosterPhone : Masking.phone(rosterPhone),
                full ? claimedPhone : Masking.phone(claimedPhone), p.school(), p.major(), (String) r[7],
                offset(r[9]), offset(r[10]), (String) r[12]);
    }

    private YouthProfile profileOf(String encrypted) {
        try {
            return json.readValue(cipher.decrypt(encrypted), YouthProfile.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("claim profile unreadable", e);
        }
    }

    private static OffsetDateTime offset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.ofHours(8));
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.ofHours(8));
    }
}
