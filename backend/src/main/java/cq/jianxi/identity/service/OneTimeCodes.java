package cq.jianxi.identity.service;

import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.ratelimit.Limit;
import cq.jianxi.common.ratelimit.RateLimiter;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.identity.domain.CodePurpose;
import cq.jianxi.notification.sms.SmsMessage;
import cq.jianxi.notification.sms.SmsService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Six-digit one-time codes sent by SMS to prove control of a phone: valid five minutes, five tries,
 * used once; only keyed hashes of the phone and the code are stored. Sending is limited per phone
 * (one a minute, ten a day); a new code replaces the earlier ones.
 */
@ApplicationScoped
public class OneTimeCodes {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_TRIES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PersonalDataCipher cipher;
    @Inject
    AppClock clock;
    @Inject
    SmsService sms;
    @Inject
    RateLimiter limiter;

    /** Sends a new code to the phone. Must run inside a transaction. */
    public Uni<Void> send(CodePurpose purpose, String phone) {
        String phoneHash = cipher.lookupHash(phone);
        limiter.consume(Limit.CODE_PHONE, phoneHash);
        limiter.consume(Limit.CODE_PHONE_DAY, phoneHash);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        OffsetDateTime now = clock.now();
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                                update one_time_code set consumed_at = :at
                                where phone_hash = :phone and purpose = :purpose and consumed_at is null""")
                        .setParameter("at", now).setParameter("phone", phoneHash).setParameter("purpose", purpose.name())
                        .executeUpdate()
                        .flatMap(n -> s.createNativeQuery("""
                                        insert into one_time_code (purpose, phone_hash, code_hash, created_at, expires_at)
                                        values (:purpose, :phone, :code, :at, :expires)""")
                                .setParameter("purpose", purpose.name()).setParameter("phone", phoneHash)
                                .setParameter("code", codeHash(purpose, phoneHash, code))
                                .setParameter("at", now).setParameter("expires", now.plus(VALIDITY))
                                .executeUpdate()))
                .flatMap(n -> sms.send(new SmsMessage(phone, "VERIFICATION_CODE",
                        Map.of("code", code, "purpose", label(purpose)),
                        "您正在" + label(purpose) + "，验证码 " + code + "，5 分钟内有效。如非本人操作请忽略。")));
    }

    /**
     * Checks a code in its own transaction, so a wrong guess is counted even when the request then
     * fails; a right one is used up. Call it before (not inside) the transaction that acts on it.
     */
    @WithTransaction
    public Uni<Boolean> verify(CodePurpose purpose, String phone, String code) {
        if (phone == null || code == null || !code.matches("\\d{6}")) {
            return Uni.createFrom().item(false);
        }
        String phoneHash = cipher.lookupHash(phone);
        OffsetDateTime now = clock.now();
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select id, code_hash, attempts from one_time_code
                        where phone_hash = :phone and purpose = :purpose and consumed_at is null and expires_at > :now
                        order by created_at desc limit 1 for update""", Object[].class)
                .setParameter("phone", phoneHash).setParameter("purpose", purpose.name()).setParameter("now", now)
                .getResultList()
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    Object[] row = rows.get(0);
                    long id = ((Number) row[0]).longValue();
                    boolean match = java.security.MessageDigest.isEqual(
                            ((String) row[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            codeHash(purpose, phoneHash, code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    int attempts = ((Number) row[2]).intValue() + 1;
                    boolean spent = match || attempts >= MAX_TRIES;
                    return s.createNativeQuery("""
                                    update one_time_code set attempts = :n,
                                           consumed_at = case when :spent then cast(:now as timestamptz) end
                                    where id = :id""")
                            .setParameter("n", attempts).setParameter("spent", spent).setParameter("now", now)
                            .setParameter("id", id).executeUpdate()
                            .replaceWith(match);
                }));
    }

    private String codeHash(CodePurpose purpose, String phoneHash, String code) {
        return cipher.lookupHash("otp|" + purpose.name() + "|" + phoneHash + "|" + code);
    }

    private static String label(CodePurpose purpose) {
        return switch (purpose) {
            case REGISTRATION -> "注册见习通账号";
            case PASSWORD_RESET -> "重置见习通密码";
        };
    }
}
