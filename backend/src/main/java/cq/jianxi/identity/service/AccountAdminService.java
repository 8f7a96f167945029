package cq.jianxi.identity.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.identity.domain.SessionEndReason;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.UserAccountRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Account administration in the governance terminal: the city admin manages every account and
 * creates staff accounts; a district admin manages the accounts of the district's bases.
 * Disabling an account or resetting its password ends all its sessions at once.
 */
@ApplicationScoped
public class AccountAdminService {

    public static final int MAX_PAGE_SIZE = 100;
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    @Inject
    UserAccountRepository users;
    @Inject
    AccountService accounts;
    @Inject
    PasswordService passwords;
    @Inject
    SessionRevocation revocation;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    /** A page of the accounts the caller manages, filtered by role and a username/name fragment. */
    @WithSession
    public Uni<Page> search(Caller caller, Role role, String q, int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        new Checks().page(page, size, MAX_PAGE_SIZE).throwIfAny();
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (caller.is(Role.DISTRICT_ADMIN)) {
            where.append(" and regionCode = :region and role = :managed");
            params.and("region", caller.regionCode()).and("managed", Role.BASE);
        }
        if (role != null) {
            where.append(" and role = :role");
            params.and("role", role);
        }
        if (q != null && !q.isBlank()) {
            // locate() rather than like: the fragment's _ and % are characters, not wildcards.
            where.append(" and (locate(:q, lower(username)) > 0 or locate(:q, lower(displayName)) > 0)");
            params.and("q", q.trim().toLowerCase(java.util.Locale.ROOT));
        }
        var query = users.find(where.toString(), Sort.by("id"), params);
        return query.page(page, size).list()
                .flatMap(items -> query.count().map(total -> new Page(items, total, page, size)));
    }

    /** A new staff account with a temporary password (returned once) that the first login must change. */
    @WithTransaction
    public Uni<Created> createStaff(Caller caller, String username, String displayName, Role role,
                                    String regionCode, String departmentCode, String phone) {
        caller.requireRole(Role.CITY_ADMIN);
        Checks checks = new Checks();
        checks.check(role == Role.CITY_ADMIN || role == Role.DISTRICT_ADMIN || role == Role.DEPARTMENT,
                "role", "只能创建市级管理员、区县管理员或市级部门账户");
        checks.check(role != Role.DISTRICT_ADMIN || (regionCode != null && !regionCode.isBlank()), "regionCode", "区县管理员须指定区县");
        checks.check(role != Role.DEPARTMENT || (departmentCode != null && !departmentCode.isBlank()), "departmentCode", "部门账户须指定部门");
        checks.check(phone == null || MOBILE.matcher(phone.trim()).matches(), "phone", "请填写 11 位手机号");
        checks.throwIfAnyRuleBroken();
        String temporary = TemporaryPasswords.generate();
        accounts.validate("username", username.trim(), "password", temporary);
        return accounts.createScoped("username", username.trim(), temporary, displayName.trim(), role,
                        role == Role.DISTRICT_ADMIN ? regionCode.trim() : null, null, null, phone)
                .flatMap(account -> {
                    account.mustChangePassword = true;
                    account.departmentCode = role == Role.DEPARTMENT ? departmentCode.trim() : null;
                    return audit.record(caller, AuditAction.ACCOUNT_CREATED, "user", String.valueOf(account.id),
                                    role.label() + " " + account.username)
                            .replaceWith(new Created(account, temporary));
                });
    }

    /** Disables (or re-enables) an account; disabling ends its sessions and closes its streams. */
    @WithTransaction
    public Uni<UserAccount> setEnabled(Caller caller, long id, boolean enabled) {
        return managed(caller, id).flatMap(user -> {
            if (user.id.equals(caller.userId())) {
                throw ApiProblem.conflict("不能停用自己的账户");
            }
            user.enabled = enabled;
            Uni<Integer> sessions = enabled ? Uni.createFrom().item(0)
                    : revocation.endAll(user.id, SessionEndReason.ACCOUNT_DISABLED);
            return sessions.call(() -> audit.record(caller, enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED,
                    "user", String.valueOf(user.id), user.username)).replaceWith(user);
        });
    }

    /** An administrator's reset: a temporary password returned once; all sessions end. */
    @WithTransaction
    public Uni<Created> resetPassword(Caller caller, long id) {
        return managed(caller, id).flatMap(user -> {
            if (user.id.equals(caller.userId())) {
                throw ApiProblem.conflict("请在“修改密码”中修改自己的密码");
            }
            return passwords.resetByAdmin(caller, user).map(temporary -> new Created(user, temporary));
        });
    }

    /** Sets the phone one-time codes for a password reset are sent to (staff have no other source). */
    @WithTransaction
    public Uni<UserAccount> setPhone(Caller caller, long id, String phone) {
        if (phone == null || !MOBILE.matcher(phone.trim()).matches()) {
            throw ApiProblem.invalidField("phone", "请填写 11 位手机号");
        }
        return managed(caller, id).flatMap(user -> {
            user.phoneEncrypted = cipher.encrypt(phone.trim());
            user.phoneHash = cipher.lookupHash(phone.trim());
            return audit.record(caller, AuditAction.ACCOUNT_PHONE_SET, "user", String.valueOf(user.id), null).replaceWith(user);
        });
    }

    /** The account locked for update, or 404 when it does not exist or is outside the caller's charge. */
    private Uni<UserAccount> managed(Caller caller, long id) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        return users.findByIdForUpdate(id).map(user -> {
            boolean visible = user != null && (caller.is(Role.CITY_ADMIN)
                    || (user.role == Role.BASE && caller.regionCode().equals(user.regionCode)));
            if (!visible) {
                throw ApiProblem.notFound("账户不存在或不在管理范围内");
            }
            return user;
        });
    }

    /** A masked phone for lists: the last four digits only. */
    public String maskedPhone(UserAccount user) {
        if (user.phoneEncrypted == null) {
            return null;
        }
        String phone = cipher.decrypt(user.phoneEncrypted);
        return phone.length() < 7 ? "***" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** One page of accounts with the total of matches. */
    public record Page(List<UserAccount> items, long total, int page, int size) {
    }

    /** An account and the temporary password it was just given (shown once). */
    public record Created(UserAccount account, String temporaryPassword) {
    }
}
