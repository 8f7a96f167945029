package cq.jianxi.identity.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.ratelimit.Limit;
import cq.jianxi.common.ratelimit.RateLimiter;
import cq.jianxi.identity.domain.CodePurpose;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.UserAccountRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Self-service reset by a one-time code sent to the account's registered phone. The anonymous caller
 * learns nothing about which usernames exist: the request is always "accepted", and a reset for an
 * unknown name fails exactly like a wrong code.
 */
@ApplicationScoped
public class PasswordResetService {

    static final String WRONG_CODE = "验证码错误或已失效";

    @Inject
    UserAccountRepository users;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    OneTimeCodes codes;
    @Inject
    PasswordService passwords;
    @Inject
    RateLimiter limiter;
    @Inject
    AuditService audit;

    /** Sends a code when the account exists, is enabled and has a phone; answers the same either way. */
    @WithTransaction
    public Uni<Void> request(String username, String ip) {
        String name = username.trim();
        limiter.consume(Limit.CODE_PHONE, "reset:" + name);
        return users.findByUsername(name).flatMap(user -> {
            if (user == null || !user.enabled || user.phoneEncrypted == null) {
                return Uni.createFrom().voidItem();
            }
            return codes.send(CodePurpose.PASSWORD_RESET, cipher.decrypt(user.phoneEncrypted))
                    // The phone's own daily limit must not tell a caller that this name exists.
                    .onFailure(ApiProblem.class).recoverWithNull()
                    .call(() -> audit.record(user.id, user.username, user.role.name(), ip,
                            AuditAction.PASSWORD_RESET_REQUESTED, "user", String.valueOf(user.id), null));
        });
    }

    /** Checks the code (its own transaction, so wrong guesses count), then sets the new password. */
    public Uni<Void> reset(String username, String code, String newPassword, String ip) {
        PasswordPolicy.check(newPassword).ifPresent(reason -> {
            throw ApiProblem.ruleAt("newPassword", reason);
        });
        return account(username.trim()).flatMap(user -> {
            if (user == null) {
                throw ApiProblem.ruleAt("code", WRONG_CODE);
            }
            return codes.verify(CodePurpose.PASSWORD_RESET, cipher.decrypt(user.phoneEncrypted), code).flatMap(ok -> {
                if (!ok) {
                    throw ApiProblem.ruleAt("code", WRONG_CODE);
                }
                return passwords.resetVerified(user.id, newPassword, ip);
            });
        });
    }

    /** The repository opens its own session: this method must not run inside a transaction. */
    private Uni<UserAccount> account(String username) {
        return users.findByUsername(username)
                .map(u -> u == null || !u.enabled || u.phoneEncrypted == null ? null : u);
    }
}
