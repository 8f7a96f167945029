package cq.jianxi.identity.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.identity.domain.SessionEndReason;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.UserAccountRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Password changes: by the owner (old + new), by one-time code, by an administrator (a temporary
 * password that must be changed). Staff passwords expire; none of the last five passwords (the
 * current one included) can be chosen again; every change ends the account's other sessions.
 */
@ApplicationScoped
public class PasswordService {

    @Inject
    AppClock clock;
    @Inject
    AuthConfig config;
    @Inject
    UserAccountRepository users;
    @Inject
    PasswordHasher hasher;
    @Inject
    SessionRevocation revocation;
    @Inject
    AuditService audit;

    /** Whether a session opened now may only change the password. */
    public boolean changeRequired(UserAccount user, OffsetDateTime now) {
        return user.mustChangePassword || (isStaff(user.role)
                && user.passwordChangedAt != null
                && !user.passwordChangedAt.plus(config.staffPasswordMaxAge()).isAfter(now));
    }

    /** The owner's change: the other sessions end, this one continues and is no longer restricted. */
    @WithTransaction
    public Uni<Void> change(Caller caller, String currentPassword, String newPassword) {
        PasswordPolicy.check(newPassword).ifPresent(reason -> {
            throw ApiProblem.ruleAt("newPassword", reason);
        });
        if (newPassword.equals(currentPassword)) {
            throw ApiProblem.ruleAt("newPassword", "新密码不能与当前密码相同");
        }
        UUID keep = caller.sessionId() == null ? null : UUID.fromString(caller.sessionId());
        return users.findByIdForUpdate(caller.userId())
                .flatMap(user -> {
                    if (user == null || !user.enabled) {
                        throw ApiProblem.unauthorized("账户不可用，请重新登录");
                    }
                    return hasher.matches(currentPassword, user.passwordHash).flatMap(ok -> {
                        if (!ok) {
                            throw ApiProblem.ruleAt("currentPassword", "当前密码不正确");
                        }
                        return replace(user, newPassword);
                    });
                })
                .flatMap(user -> revocation.endAllExcept(user.id, keep, SessionEndReason.PASSWORD_CHANGED)
                        .call(() -> keep == null ? Uni.createFrom().voidItem() : Panache.getSession().flatMap(s -> s
                                .createNativeQuery("update auth_session set restricted = false where id = cast(:id as uuid)")
                                .setParameter("id", keep.toString()).executeUpdate()).replaceWithVoid())
                        .call(() -> audit.record(caller, AuditAction.PASSWORD_CHANGED, "user", String.valueOf(user.id), null)))
                .replaceWithVoid();
    }

    /** A reset after the phone's code was verified: every session ends. */
    @WithTransaction
    public Uni<Void> resetVerified(long userId, String newPassword, String ip) {
        return users.findByIdForUpdate(userId)
                .flatMap(user -> replace(user, newPassword))
                .flatMap(user -> revocation.endAll(user.id, SessionEndReason.PASSWORD_RESET)
                        .call(() -> audit.record(user.id, user.username, user.role.name(), ip,
                                AuditAction.PASSWORD_RESET, "user", String.valueOf(user.id), null)))
                .replaceWithVoid();
    }

    /**
     * An administrator's reset: a temporary password, returned once, that the next login must replace.
     * Must run inside the caller's transaction; the account row is locked by the caller.
     */
    public Uni<String> resetByAdmin(Caller admin, UserAccount user) {
        String temporary = TemporaryPasswords.generate();
        return hasher.hash(temporary).flatMap(hash -> {
                    user.passwordHash = hash;
                    user.passwordChangedAt = clock.now();
                    user.mustChangePassword = true;
                    return revocation.endAll(user.id, SessionEndReason.PASSWORD_RESET);
                })
                .call(() -> audit.record(admin, AuditAction.PASSWORD_RESET_BY_ADMIN, "user", String.valueOf(user.id), null))
                .replaceWith(temporary);
    }

    /** Policy and reuse checks, then the new hash; the old one goes to the history. */
    private Uni<UserAccount> replace(UserAccount user, String newPassword) {
        PasswordPolicy.check(newPassword).ifPresent(reason -> {
            throw ApiProblem.ruleAt("newPassword", reason);
        });
        return recentHashes(user).flatMap(hashes -> reused(newPassword, hashes, 0)).flatMap(reused -> {
            if (reused) {
                throw ApiProblem.invalidField("newPassword",
                        "不能使用最近 " + config.passwordHistory() + " 次用过的密码（含当前密码）");
            }
            OffsetDateTime now = clock.now();
            String previous = user.passwordHash;
            return hasher.hash(newPassword).flatMap(hash -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                                    "insert into password_history (user_id, hash, changed_at) values (:u, :h, :at)")
                            .setParameter("u", user.id).setParameter("h", previous).setParameter("at", now)
                            .executeUpdate())
                    .map(n -> {
                        user.passwordHash = hash;
                        user.passwordChangedAt = now;
                        user.mustChangePassword = false;
                        return user;
                    }));
        });
    }

    private Uni<List<String>> recentHashes(UserAccount user) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select hash from password_history where user_id = :u order by changed_at desc, id desc limit :n", String.class)
                .setParameter("u", user.id).setParameter("n", Math.max(0, config.passwordHistory() - 1)).getResultList())
                .map(earlier -> {
                    List<String> all = new ArrayList<>();
                    all.add(user.passwordHash);
                    all.addAll(earlier);
                    return all;
                });
    }

    private Uni<Boolean> reused(String candidate, List<String> hashes, int index) {
        if (index >= hashes.size()) {
            return Uni.createFrom().item(false);
        }
        return hasher.matches(candidate, hashes.get(index))
                .flatMap(match -> match ? Uni.createFrom().item(true) : reused(candidate, hashes, index + 1));
    }

    static boolean isStaff(Role role) {
        return role == Role.CITY_ADMIN || role == Role.DISTRICT_ADMIN || role == Role.DEPARTMENT;
    }
}
