package cq.jianxi.identity.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.identity.domain.AuthSession;
import cq.jianxi.identity.domain.LoginAttempt;
import cq.jianxi.identity.domain.SessionEndReason;
import cq.jianxi.common.ratelimit.Limit;
import cq.jianxi.common.ratelimit.RateLimiter;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.AuthSessionRepository;
import cq.jianxi.identity.repository.LoginAttemptRepository;
import cq.jianxi.identity.repository.UserAccountRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The built-in login: password check with lockout per account and client address, server-side
 * sessions that end on logout, after 30 idle minutes or after 12 hours, and short-lived access tokens
 * renewed while the user is active.
 */
@ApplicationScoped
public class AuthService {

    @jakarta.inject.Inject
    AppClock clock;

    @Inject
    AuthConfig config;

    @Inject
    UserAccountRepository users;

    @Inject
    LoginAttemptRepository attempts;

    @Inject
    AuthSessionRepository sessions;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenIssuer tokens;

    @Inject
    AuditService audit;

    @Inject
    RateLimiter limiter;

    @Inject
    SessionRevocation revocation;

    @Inject
    PasswordService passwords;

    @Inject
    SecondFactorService secondFactors;

    /**
     * Checks the password. A failure is returned, not thrown, so the attempt and its audit row commit;
     * the caller turns it into 401 or 423.
     */
    @WithTransaction
    public Uni<LoginOutcome> login(String username, String password, String ip) {
        requireEmbedded();
        String name = username.trim();
        OffsetDateTime now = now();
        OffsetDateTime windowStart = now.minus(config.lockWindow());
        // Account-wide, failures only slow down (429 with a short wait); the lock itself is per account
        // and client address, so failures from one address never lock the owner out at another.
        long slowDown = limiter.waitSeconds(Limit.LOGIN_ACCOUNT_FAILURES, name);
        if (slowDown > 0) {
            return Uni.createFrom().item(LoginOutcome.throttled(slowDown));
        }
        return users.findByUsernameForUpdate(name).flatMap(user -> attempts.lastSuccessSince(name, ip, windowStart)
                .flatMap(lastSuccess -> attempts.failuresSince(name, ip, lastSuccess == null ? windowStart : lastSuccess))
                .flatMap(failures -> {
                    if (failures.size() >= config.maxFailures()) {
                        long retryAfter = Math.max(1, Duration.between(now,
                                failures.get(0).at.plus(config.lockWindow())).toSeconds());
                        return audit.record(user == null ? null : user.id, name, user == null ? null : user.role.name(), ip,
                                        AuditAction.LOGIN_LOCKED, "user", name, "本地址连续失败 " + failures.size() + " 次，锁定中")
                                .replaceWith(LoginOutcome.locked(retryAfter));
                    }
                    return hasher.matches(password, user == null ? null : user.passwordHash).flatMap(matches -> {
                        boolean ok = matches && user.enabled;
                        LoginAttempt attempt = new LoginAttempt();
                        attempt.username = name;
                        attempt.at = now;
                        attempt.success = ok;
                        attempt.ip = ip;
                        if (!ok) {
                            limiter.tryConsume(Limit.LOGIN_ACCOUNT_FAILURES, name);
                            int remaining = config.maxFailures() - failures.size() - 1;
                            return attempts.persist(attempt)
                                    .flatMap(a -> audit.record(user == null ? null : user.id, name,
                                            user == null ? null : user.role.name(), ip, AuditAction.LOGIN_FAILED,
                                            "user", name, user == null ? "用户不存在" : (user.enabled ? "密码错误" : "账户已停用")))
                                    .replaceWith(remaining <= 0
                                            ? LoginOutcome.locked(config.lockWindow().toSeconds())
                                            : LoginOutcome.failed(remaining));
                        }
                        return attempts.persist(attempt)
                                .flatMap(a -> secondFactors.afterPassword(user, ip, now))
                                .call(() -> audit.record(user.id, user.username, user.role.name(), ip,
                                        AuditAction.LOGIN_SUCCEEDED, "user", String.valueOf(user.id), null));
                    });
                }));
    }

    /** Issues a fresh access token for a live session; the session's idle clock restarts. */
    @WithTransaction
    public Uni<LoginOutcome> refresh(Caller caller) {
        requireEmbedded();
        UUID sid = sessionId(caller);
        OffsetDateTime now = now();
        return sessions.findById(sid).flatMap(session -> {
            if (!isLive(session, now)) {
                throw ApiProblem.unauthorized("会话已结束，请重新登录");
            }
            return users.findById(session.userId).map(user -> {
                if (user == null || !user.enabled) {
                    throw ApiProblem.unauthorized("账户不可用，请重新登录");
                }
                session.lastSeenAt = now;
                return LoginOutcome.ok(tokens.issue(user, sid, clock.wallClock()), user, config.accessTokenTtl(),
                        session.restricted);
            });
        });
    }

    /** Ends the caller's session: every token issued for it stops working at once. */
    @WithTransaction
    public Uni<Void> logout(Caller caller) {
        UUID sid = caller.sessionId() == null ? null : UUID.fromString(caller.sessionId());
        if (sid == null) {
            return Uni.createFrom().voidItem();
        }
        return sessions.findById(sid).flatMap(session -> {
            if (session != null && session.revokedAt == null) {
                session.revokedAt = now();
                session.endedReason = SessionEndReason.LOGOUT;
            }
            return audit.record(caller, AuditAction.LOGOUT, "session", sid.toString(), null)
                    .call(() -> session == null ? Uni.createFrom().voidItem() : revocation.announce(session.userId));
        });
    }

    private boolean isLive(AuthSession session, OffsetDateTime now) {
        return session != null
                && session.revokedAt == null
                && session.expiresAt.isAfter(now)
                && session.lastSeenAt.plus(config.idleTimeout()).isAfter(now);
    }

    private void requireEmbedded() {
        if (!config.embedded()) {
            throw ApiProblem.notFound("内置登录已关闭，请通过统一身份认证平台登录");
        }
    }

    private static UUID sessionId(Caller caller) {
        if (caller.sessionId() == null) {
            throw ApiProblem.unauthorized("令牌不属于内置登录会话");
        }
        return UUID.fromString(caller.sessionId());
    }

    private OffsetDateTime now() {
        return clock.now();
    }

    /**
     * The result of a login or refresh: a token, a challenge for the second factor (expiresIn is then the
     * challenge's lifetime), or why there is none.
     */
    public record LoginOutcome(Status status, String accessToken, UserAccount user, long expiresIn,
                               int remainingAttempts, long retryAfterSeconds, String challenge,
                               boolean passwordChangeRequired) {

        public enum Status { OK, FAILED, LOCKED, THROTTLED, SECOND_FACTOR_REQUIRED, ENROLMENT_REQUIRED, SECOND_FACTOR_FAILED }

        static LoginOutcome ok(String token, UserAccount user, Duration ttl, boolean passwordChangeRequired) {
            return new LoginOutcome(Status.OK, token, user, ttl.toSeconds(), 0, 0, null, passwordChangeRequired);
        }

        static LoginOutcome failed(int remaining) {
            return new LoginOutcome(Status.FAILED, null, null, 0, remaining, 0, null, false);
        }

        static LoginOutcome locked(long retryAfterSeconds) {
            return new LoginOutcome(Status.LOCKED, null, null, 0, 0, retryAfterSeconds, null, false);
        }

        static LoginOutcome throttled(long retryAfterSeconds) {
            return new LoginOutcome(Status.THROTTLED, null, null, 0, 0, retryAfterSeconds, null, false);
        }

        static LoginOutcome challenge(Status step, UserAccount user, String challenge, Duration ttl) {
            return new LoginOutcome(step, null, user, ttl.toSeconds(), 0, 0, challenge, false);
        }

        static LoginOutcome secondFactorFailed(int remaining) {
            return new LoginOutcome(Status.SECOND_FACTOR_FAILED, null, null, 0, remaining, 0, null, false);
        }
    }
}
