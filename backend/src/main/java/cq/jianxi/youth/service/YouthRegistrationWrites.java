package cq.jianxi.youth.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.identity.service.AccountService;
import cq.jianxi.notification.sms.SmsMessage;
import cq.jianxi.notification.sms.SmsService;
import cq.jianxi.youth.domain.RegistrationOutcome;
import cq.jianxi.youth.domain.Youth;
import cq.jianxi.youth.repository.YouthRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** The transaction of a verified registration: one outcome, one text message to the verified phone. */
@ApplicationScoped
public class YouthRegistrationWrites {

    @Inject
    YouthProfiles profiles;
    @Inject
    YouthRepository youths;
    @Inject
    AccountService accounts;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    AuditService audit;
    @Inject
    SmsService sms;
    @Inject
    AppClock clock;
    @Inject
    ObjectMapper json;
    @Inject
    cq.jianxi.privacy.service.ConsentService consents;
    @Inject
    CampaignSignups signups;

    @WithTransaction
    public Uni<RegistrationOutcome> registerVerified(YouthProfile profile, String id, String username, String password,
                                                     String phone, String consentVersion, String campaign, String ip) {
        return accounts.usernameTaken(username).flatMap(taken -> {
            if (taken) {
                return Uni.createFrom().item(RegistrationOutcome.USERNAME_TAKEN);
            }
            return youths.findByIdNumberHashForUpdate(cipher.lookupHash(id)).flatMap(existing -> {
                if (existing == null) {
                    Youth y = new Youth();
                    y.createdAt = clock.now();
                    y.source = "SELF";
                    profiles.apply(y, profile, id);
                    return youths.persist(y).flatMap(saved -> openAccount(saved, username, password, phone, consentVersion, ip)
                                    .call(v -> signups.record(campaign, saved.id)))
                            .replaceWith(RegistrationOutcome.CREATED);
                }
                return accounts.existsForYouth(existing.id).flatMap(has -> {
                    if (has) {
                        return Uni.createFrom().item(RegistrationOutcome.ID_REGISTERED);
                    }
                    boolean rosterPhone = existing.phoneEncrypted != null && phone.equals(cipher.decrypt(existing.phoneEncrypted))
                            && existing.name.equals(profile.name().trim());
                    if (rosterPhone) {
                        // The code went to the phone the roster holds for this person: the claim is proved.
                        profiles.apply(existing, profile, id);
                        return openAccount(existing, username, password, phone, consentVersion, ip)
                                .call(v -> signups.record(campaign, existing.id)).replaceWith(RegistrationOutcome.CLAIMED);
                    }
                    return submitClaim(existing, profile, username, password, phone, consentVersion, ip)
                            .replaceWith(RegistrationOutcome.CLAIM_PENDING);
                });
            });
        }).call(outcome -> sms.send(message(outcome, phone, username)));
    }

    private Uni<Void> openAccount(Youth y, String username, String password, String phone, String consentVersion, String ip) {
        return accounts.createScoped("username", username, password, y.name, Role.YOUTH, null, null, y.id, phone)
                .flatMap(account -> consents.recordAtRegistration(y.id, account.id, consentVersion, ip)
                        .flatMap(c -> audit.record(account.id, account.username, Role.YOUTH.name(), ip,
                                AuditAction.YOUTH_REGISTERED, "youth", String.valueOf(y.id), null)));
    }

    private Uni<Void> submitClaim(Youth roster, YouthProfile profile, String username, String password, String phone,
                                  String consentVersion, String ip) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select count(*) from youth_claim where youth_id = :id and status = 'PENDING'", Long.class)
                .setParameter("id", roster.id).getSingleResult()
                .flatMap(pending -> pending > 0 ? Uni.createFrom().voidItem() : accounts.hashForLater(password)
                        .flatMap(hash -> s.createNativeQuery("""
                                        insert into youth_claim (youth_id, region_code, username, password_hash, profile_json,
                                                                 phone_enc, consent_version, submitted_at, submitted_ip)
                                        values (:youth, :region, :username, :hash, :profile, :phone, :consent, :at, :ip)""")
                                .setParameter("youth", roster.id)
                                .setParameter("region", roster.regionCode != null ? roster.regionCode : profile.regionCode())
                                .setParameter("username", username)
                                .setParameter("hash", hash)
                                .setParameter("profile", cipher.encrypt(toJson(profile)))
                                .setParameter("phone", cipher.encrypt(phone))
                                .setParameter("consent", consentVersion)
                                .setParameter("at", clock.now())
                                .setParameter("ip", ip)
                                .executeUpdate())
                        .flatMap(n -> audit.record(null, username, Role.YOUTH.name(), ip, AuditAction.YOUTH_CLAIM_SUBMITTED,
                                "youth", String.valueOf(roster.id), null))));
    }

    private String toJson(YouthProfile profile) {
        try {
            return json.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile not serialisable", e);
        }
    }

    static SmsMessage message(RegistrationOutcome outcome, String phone, String username) {
        String text = switch (outcome) {
            case CREATED, CLAIMED -> "您已成功注册见习通，用户名 " + username + "，现在可以登录。";
            case CLAIM_PENDING -> "您填写的实名信息与教育部门共享名单中的登记需由区县人社部门核实，核实后将短信通知您。";
            case ID_REGISTERED -> "该身份证号已注册见习通账户，请直接登录或在登录页找回密码；如非本人注册，请联系区县人社部门。";
            case USERNAME_TAKEN -> "注册未完成：用户名 " + username + " 已被使用，请换一个用户名重新注册。";
        };
        return new SmsMessage(phone, "REGISTRATION_" + outcome.name(), Map.of("username", username), text);
    }
}
