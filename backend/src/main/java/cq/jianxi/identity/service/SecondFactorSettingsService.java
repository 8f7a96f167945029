package cq.jianxi.identity.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.identity.domain.SecondFactor;
import cq.jianxi.identity.domain.Totp;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.SecondFactorRepository;
import cq.jianxi.identity.repository.UserAccountRepository;
import cq.jianxi.identity.service.SecondFactorCodes.Enrolment;
import cq.jianxi.identity.service.SecondFactorCodes.Lockout;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The signed-in user's own second factor: status, binding or re-binding an app, new recovery codes,
 * switching it off (bases and young people only); and the city admin's reset of someone else's.
 * A refused code is a failed login attempt that must be kept, so those operations commit first and
 * refuse afterwards rather than throwing inside the transaction.
 */
@ApplicationScoped
public class SecondFactorSettingsService {

    @Inject
    AppClock clock;

    @Inject
    AuthConfig auth;

    @Inject
    UserAccountRepository users;

    @Inject
    SecondFactorRepository factors;

    @Inject
    SecondFactorCodes codes;

    @Inject
    AuditService audit;

    @WithSession
    public Uni<Status> status(Caller caller) {
        boolean required = SecondFactor.requiredFor(caller.role());
        if (!auth.embedded() || caller.userId() == null) {
            return Uni.createFrom().item(new Status(true, required, false, null, 0, false));
        }
        return factors.findById(caller.userId()).flatMap(factor -> codes.remainingRecoveryCodes(caller.userId())
                .map(left -> new Status(false, required, SecondFactor.isActive(factor),
                        factor == null ? null : factor.enabledAt, left, SecondFactor.isPending(factor))));
    }

    /** A new secret to bind; with an app already bound, only against its current code (or a recovery code). */
    public Uni<Enrolment> beginEnrolment(Caller caller, String code, String recoveryCode) {
        return guarded(caller, (user, factor) -> {
            Supplier<Uni<Enrolment>> start = () -> codes.startEnrolment(user, factor, clock.now())
                    .call(() -> audit.record(caller, AuditAction.SECOND_FACTOR_ENROLMENT_STARTED, "user",
                            String.valueOf(user.id), SecondFactor.isActive(factor) ? "重新绑定" : "首次绑定"));
            if (!SecondFactor.isActive(factor)) {
                return start.get().map(Checked::ok);
            }
            SecondFactorService.requireOneProof(code, recoveryCode);
            return proven(caller, user, factor, code, recoveryCode, start);
        });
    }

    /** Confirms the pending secret with a code from it: it replaces any earlier app, with ten new recovery codes. */
    public Uni<List<String>> confirmEnrolment(Caller caller, String code) {
        return guarded(caller, (user, factor) -> {
            if (!SecondFactor.isPending(factor)) {
                throw ApiProblem.conflict("请先获取绑定二维码，再输入验证码");
            }
            boolean rebinding = SecondFactor.isActive(factor);
            OffsetDateTime now = clock.now();
            return codes.lockout(user, caller.ip(), now).flatMap(lock -> {
                if (lock.locked()) {
                    return Uni.createFrom().item(Checked.<List<String>>refused(lockedProblem(lock.retryAfterSeconds())));
                }
                Totp.Verification result = codes.confirmPending(factor, code, now);
                if (!result.accepted()) {
                    return refusal(caller, user, "绑定时验证码错误", "code", lock, now);
                }
                return codes.replaceRecoveryCodes(user.id, now)
                        .call(() -> audit.record(caller, AuditAction.SECOND_FACTOR_ENABLED, "user", String.valueOf(user.id),
                                rebinding ? "重新绑定" : "首次绑定"))
                        .map(Checked::ok);
            });
        });
    }

    /** Ten new recovery codes against the current code; the old ones stop working. */
    public Uni<List<String>> regenerateRecoveryCodes(Caller caller, String code, String recoveryCode) {
        SecondFactorService.requireOneProof(code, recoveryCode);
        return guarded(caller, (user, factor) -> {
            requireActive(factor);
            return proven(caller, user, factor, code, recoveryCode, () -> codes.replaceRecoveryCodes(user.id, clock.now())
                    .call(() -> audit.record(caller, AuditAction.RECOVERY_CODES_REGENERATED, "user", String.valueOf(user.id), null)));
        });
    }

    /** Switches the second factor off, for the roles that chose it; staff must keep theirs. */
    public Uni<Void> disable(Caller caller, String code, String recoveryCode) {
        if (SecondFactor.requiredFor(caller.role())) {
            throw ApiProblem.forbidden("管理人员必须使用第二因素登录，不能停用");
        }
        SecondFactorService.requireOneProof(code, recoveryCode);
        return guarded(caller, (user, factor) -> {
            requireActive(factor);
            return proven(caller, user, factor, code, recoveryCode, () -> codes.remove(factor)
                    .call(() -> audit.record(caller, AuditAction.SECOND_FACTOR_DISABLED, "user", String.valueOf(user.id), null)));
        });
    }

    /** The city admin removes someone's app (a lost phone): staff bind a new one at their next login. */
    @WithTransaction
    public Uni<Void> reset(Caller caller, String username) {
        requireEmbedded();
        caller.requireRole(Role.CITY_ADMIN);
        return users.findByUsernameForUpdate(username).flatMap(user -> {
            if (user == null) {
                throw ApiProblem.notFound("账户不存在");
            }
            return factors.findById(user.id).flatMap(factor -> {
                if (factor == null) {
                    throw ApiProblem.conflict("该账户尚未绑定身份验证器");
                }
                return codes.remove(factor).call(() -> audit.record(caller, AuditAction.SECOND_FACTOR_RESET, "user",
                        String.valueOf(user.id), "重置 " + user.username + " 的身份验证器与恢复码"));
            });
        });
    }

    /**
     * Demo seeding only: binds the demo staff accounts to one known secret so that people trying the
     * platform and the browser tests can compute codes. Accounts that already have an app keep theirs.
     */
    public Uni<Void> bindDemoSecret(String base32Secret, List<String> usernames) {
        OffsetDateTime now = clock.now();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String username : usernames) {
            chain = chain.chain(() -> users.findByUsername(username).flatMap(user -> user == null
                    ? Uni.createFrom().voidItem()
                    : factors.findById(user.id).flatMap(existing -> existing != null
                            ? Uni.createFrom().voidItem()
                            : codes.bindKnownSecret(user, base32Secret, now).replaceWithVoid())));
        }
        return chain;
    }

    /** Runs the operation in its own transaction with the caller's account locked; a refusal is thrown after commit. */
    private <T> Uni<T> guarded(Caller caller, BiFunction<UserAccount, SecondFactor, Uni<Checked<T>>> operation) {
        requireEmbedded();
        return Panache.withTransaction(() -> users.findByIdForUpdate(caller.userId()).flatMap(user -> {
            if (user == null) {
                throw ApiProblem.unauthorized("账户不存在");
            }
            return factors.findById(user.id).flatMap(factor -> operation.apply(user, factor));
        })).map(Checked::orThrow);
    }

    private <T> Uni<Checked<T>> proven(Caller caller, UserAccount user, SecondFactor factor, String code, String recoveryCode,
                                       Supplier<Uni<T>> then) {
        OffsetDateTime now = clock.now();
        return codes.lockout(user, caller.ip(), now).flatMap(lock -> {
            if (lock.locked()) {
                return Uni.createFrom().item(Checked.<T>refused(lockedProblem(lock.retryAfterSeconds())));
            }
            return codes.prove(user, factor, code, recoveryCode, caller.ip(), now).flatMap(proof -> proof.ok()
                    ? then.get().map(Checked::ok)
                    : refusal(caller, user, proof.failure(), code != null ? "code" : "recoveryCode", lock, now));
        });
    }

    private <T> Uni<Checked<T>> refusal(Caller caller, UserAccount user, String reason, String field, Lockout lock,
                                        OffsetDateTime now) {
        int remaining = lock.remaining() - 1;
        return codes.recordFailure(user, caller.ip(), reason, now).replaceWith(Checked.refused(remaining <= 0
                ? lockedProblem(auth.lockWindow().toSeconds())
                : ApiProblem.ruleAt(field, (field.equals("code") ? "验证码" : "恢复码") + "不正确，还可尝试 " + remaining + " 次")));
    }

    private static ApiProblem lockedProblem(long retryAfterSeconds) {
        return ApiProblem.locked("验证失败次数过多，账户已临时锁定，请在 " + Math.max(1, (retryAfterSeconds + 59) / 60)
                + " 分钟后再试", retryAfterSeconds);
    }

    private static void requireActive(SecondFactor factor) {
        if (!SecondFactor.isActive(factor)) {
            throw ApiProblem.conflict("尚未启用第二因素");
        }
    }

    private void requireEmbedded() {
        if (!auth.embedded()) {
            throw ApiProblem.notFound("第二因素由统一身份认证平台管理");
        }
    }

    /** The caller's second factor as the security page shows it. */
    public record Status(boolean managedExternally, boolean required, boolean enabled, OffsetDateTime enabledAt,
                         long remainingRecoveryCodes, boolean enrolmentPending) {
    }

    /** A result, or the refusal to throw once the transaction (with its failed attempt) has committed. */
    private record Checked<T>(T value, ApiProblem refusal) {
        static <T> Checked<T> ok(T value) {
            return new Checked<>(value, null);
        }

        static <T> Checked<T> refused(ApiProblem refusal) {
            return new Checked<>(null, refusal);
        }

        T orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return value;
        }
    }
}
