package cq.jianxi.identity.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.identity.domain.Base32;
import cq.jianxi.identity.domain.LoginAttempt;
import cq.jianxi.identity.domain.RecoveryCode;
import cq.jianxi.identity.domain.RecoveryCodes;
import cq.jianxi.identity.domain.SecondFactor;
import cq.jianxi.identity.domain.Totp;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.AuthSessionRepository;
import cq.jianxi.identity.repository.LoginAttemptRepository;
import cq.jianxi.identity.repository.RecoveryCodeRepository;
import cq.jianxi.identity.repository.SecondFactorRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cq.jianxi.common.ratelimit.Limit;
import cq.jianxi.common.ratelimit.RateLimiter;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the login and the settings share: secrets (encrypted at rest), code checks with the
 * once-only rule, recovery codes, and the lockout that counts refused codes like wrong passwords.
 * Every method runs inside its caller's transaction, with the account row locked by the caller.
 */
@ApplicationScoped
public class SecondFactorCodes {

    private final SecureRandom random = new SecureRandom();

    @Inject
    RateLimiter limiter;

    @Inject
    AuthConfig auth;

    @Inject
    SecondFactorConfig config;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    SecondFactorRepository factors;

    @Inject
    RecoveryCodeRepository recoveryCodes;

    @Inject
    LoginAttemptRepository attempts;

    @Inject
    AuthSessionRepository sessions;

    @Inject
    AuditService audit;

    /** Starts (or restarts) binding an app: a fresh secret, pending until a code computed from it is confirmed. */
    public Uni<Enrolment> startEnrolment(UserAccount user, SecondFactor existing, OffsetDateTime now) {
        String secret = Base32.encode(Totp.newSecret(random));
        SecondFactor factor = existing != null ? existing : new SecondFactor();
        factor.userId = user.id;
        factor.pendingSecretEncrypted = cipher.encrypt(secret);
        factor.pendingSince = now;
        Uni<SecondFactor> saved = existing != null ? Uni.createFrom().item(existing) : factors.persist(factor);
        return saved.map(f -> {
            String uri = Totp.uri(config.issuer(), user.username, secret);
            return new Enrolment(secret, uri, QrCodeImage.svgDataUri(uri), config.issuer(), user.username);
        });
    }

    /** Binds an account to a secret it already knows (demo seeding): active at once, no recovery codes. */
    public Uni<SecondFactor> bindKnownSecret(UserAccount user, String base32Secret, OffsetDateTime now) {
        SecondFactor factor = new SecondFactor();
        factor.userId = user.id;
        factor.secretEncrypted = cipher.encrypt(Base32.encode(Base32.decode(base32Secret)));
        factor.enabledAt = now;
        return factors.persist(factor);
    }

    /** Checks a code against the active secret; an accepted code's step is kept so that it is never accepted again. */
    public Totp.Verification checkActive(SecondFactor factor, String code, OffsetDateTime now) {
        Totp.Verification result = Totp.verify(secret(factor.secretEncrypted), code, now.toInstant(), factor.lastUsedStep);
        if (result.accepted()) {
            factor.lastUsedStep = result.step();
        }
        return result;
    }

    /** Checks a code against the pending secret and, when right, makes that secret the active one. */
    public Totp.Verification confirmPending(SecondFactor factor, String code, OffsetDateTime now) {
        Totp.Verification result = Totp.verify(secret(factor.pendingSecretEncrypted), code, now.toInstant(), null);
        if (result.accepted()) {
            factor.secretEncrypted = factor.pendingSecretEncrypted;
            factor.enabledAt = now;
            factor.lastUsedStep = result.step();
            factor.pendingSecretEncrypted = null;
            factor.pendingSince = null;
        }
        return result;
    }

    /** Proves possession with a code or, failing a code, with a recovery code (spent, and audited). */
    public Uni<Proof> prove(UserAccount user, SecondFactor factor, String code, String recoveryCode, String ip,
                            OffsetDateTime now) {
        if (code != null) {
            Totp.Verification result = checkActive(factor, code, now);
            return Uni.createFrom().item(result.accepted() ? Proof.CODE
                    : result.result() == Totp.Result.REPLAYED ? Proof.REPLAYED_CODE : Proof.WRONG_CODE);
        }
        String normal = RecoveryCodes.normalize(recoveryCode);
        if (normal == null) {
            return Uni.createFrom().item(Proof.WRONG_RECOVERY_CODE);
        }
        return recoveryCodes.findUnused(user.id, hash(user.id, normal)).flatMap(found -> {
            if (found == null) {
                return Uni.createFrom().item(Proof.WRONG_RECOVERY_CODE);
            }
            found.usedAt = now;
            return recoveryCodes.flush()
                    .chain(() -> recoveryCodes.countUnused(user.id))
                    .call(left -> audit.record(user.id, user.username, user.role.name(), ip, AuditAction.RECOVERY_CODE_USED,
                            "user", String.valueOf(user.id), "剩余恢复码 " + left + " 个"))
                    .replaceWith(Proof.RECOVERY_CODE);
        });
    }

    /** Replaces every recovery code of the account with ten new ones; the plain codes are returned once. */
    public Uni<List<String>> replaceRecoveryCodes(Long userId, OffsetDateTime now) {
        List<String> plain = RecoveryCodes.generate(random);
        List<RecoveryCode> rows = plain.stream().map(code -> {
            RecoveryCode row = new RecoveryCode();
            row.userId = userId;
            row.codeHash = hash(userId, RecoveryCodes.normalize(code));
            row.createdAt = now;
            return row;
        }).toList();
        return recoveryCodes.deleteAllOf(userId).chain(() -> recoveryCodes.persist(rows)).replaceWith(plain);
    }

    public Uni<Long> remainingRecoveryCodes(Long userId) {
        return recoveryCodes.countUnused(userId);
    }

    /** Removes the account's app and recovery codes. */
    public Uni<Void> remove(SecondFactor factor) {
        return recoveryCodes.deleteAllOf(factor.userId).chain(() -> factors.delete(factor));
    }

    /**
     * The password's lockout (per account and client address), extended to the second step: failed passwords and refused codes since the
     * account's last completed login within the window. Counting from the last completed login rather
     * than the last correct password means re-entering the password does not buy fresh guesses at the code.
     */
    public Uni<Lockout> lockout(UserAccount user, String ip, OffsetDateTime now) {
        OffsetDateTime windowStart = now.minus(auth.lockWindow());
        return sessions.lastOpenedBy(user.id).flatMap(last -> {
            OffsetDateTime since = last != null && last.isAfter(windowStart) && !last.isAfter(now) ? last : windowStart;
            return attempts.failuresSince(user.username, ip, since);
        }).map(failures -> {
            int max = auth.maxFailures();
            if (failures.size() < max) {
                return new Lockout(max - failures.size(), 0);
            }
            OffsetDateTime liftsAt = failures.get(failures.size() - max).at.plus(auth.lockWindow());
            return new Lockout(0, Math.max(1, Duration.between(now, liftsAt).toSeconds()));
        });
    }

    /** Records a refused code as a failed login attempt, so the password's lockout counts it too, and audits it. */
    public Uni<Void> recordFailure(UserAccount user, String ip, String reason, OffsetDateTime now) {
        LoginAttempt attempt = new LoginAttempt();
        attempt.username = user.username;
        attempt.at = now;
        attempt.success = false;
        attempt.ip = ip;
        limiter.tryConsume(Limit.LOGIN_ACCOUNT_FAILURES, user.username);
        return attempts.persist(attempt).chain(() -> audit.record(user.id, user.username, user.role.name(), ip,
                AuditAction.SECOND_FACTOR_FAILED, "user", String.valueOf(user.id), reason));
    }

    private byte[] secret(String encrypted) {
        return Base32.decode(cipher.decrypt(encrypted));
    }

    /** Keyed, so a copy of the table alone cannot be searched for codes; salted by account. */
    private String hash(Long userId, String normalCode) {
        return cipher.lookupHash("recovery-code:" + userId + ":" + normalCode);
    }

    /** What a secret being bound looks like to its owner: shown once, never again after confirmation. */
    public record Enrolment(String secret, String otpauthUri, String qrCode, String issuer, String accountName) {
    }

    /** How many failures are left before the lock, or how long until it lifts. */
    public record Lockout(int remaining, long retryAfterSeconds) {
        public boolean locked() {
            return remaining <= 0;
        }
    }

    /** What a proof of possession turned out to be. */
    public enum Proof {
        CODE(null), RECOVERY_CODE(null),
        REPLAYED_CODE("验证码已使用过"), WRONG_CODE("验证码错误"), WRONG_RECOVERY_CODE("恢复码错误或已使用");

        private final String failure;

        Proof(String failure) {
            this.failure = failure;
        }

        public boolean ok() {
            return failure == null;
        }

        /** For the audit log; the client is told only that the code was not accepted. */
        public String failure() {
            return failure;
        }
    }
}
