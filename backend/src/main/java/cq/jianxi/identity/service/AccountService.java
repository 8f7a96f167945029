package cq.jianxi.identity.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Role;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.UserAccountRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** Creates accounts for other contexts (a base's account at filing, a young person's at registration). */
@ApplicationScoped
public class AccountService {

    @jakarta.inject.Inject
    AppClock clock;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{4,64}");

    @Inject
    UserAccountRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    cq.jianxi.common.crypto.PersonalDataCipher cipher;

    /** Checks the username and password before anything else is written, so refusals leave nothing behind. */
    public void validate(String usernameField, String username, String passwordField, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiProblem.invalidField(usernameField, "用户名为 4–64 位字母、数字或 _ . @ -");
        }
        PasswordPolicy.check(password).ifPresent(reason -> {
            throw ApiProblem.ruleAt(passwordField, reason);
        });
    }

    /** Whether the username is in use (asked only after the caller proved control of a phone). */
    public Uni<Boolean> usernameTaken(String username) {
        return users.findByUsername(username.trim()).map(u -> u != null);
    }

    /** Whether a young person's record already has an account. */
    public Uni<Boolean> existsForYouth(long youthId) {
        return users.count("youthId", youthId).map(n -> n > 0);
    }

    /** A bcrypt hash for a password chosen now and used later (a roster claim awaiting confirmation). */
    public Uni<String> hashForLater(String password) {
        return hasher.hash(password);
    }

    /** An account whose password was hashed earlier ({@link #hashForLater}). Inside the caller's transaction. */
    public Uni<UserAccount> createScopedWithHash(String username, String passwordHash, String displayName,
                                                 Role role, String regionCode, Long baseId, Long youthId, String phone) {
        UserAccount account = new UserAccount();
        account.username = username;
        account.passwordHash = passwordHash;
        account.displayName = displayName;
        account.role = role;
        account.regionCode = regionCode;
        account.baseId = baseId;
        account.youthId = youthId;
        account.createdAt = clock.now();
        account.passwordChangedAt = account.createdAt;
        if (phone != null && !phone.isBlank()) {
            account.phoneEncrypted = cipher.encrypt(phone.trim());
            account.phoneHash = cipher.lookupHash(phone.trim());
        }
        return users.persist(account);
    }

    /** Must run inside the caller's transaction. */
    public Uni<UserAccount> createScoped(String usernameField, String username, String password, String displayName,
                                         Role role, String regionCode, Long baseId, Long youthId, String phone) {
        return users.findByUsername(username).flatMap(existing -> {
            if (existing != null) {
                throw ApiProblem.ruleAt(usernameField, "用户名 " + username + " 已被使用");
            }
            return hasher.hash(password).flatMap(hash -> {
                UserAccount account = new UserAccount();
                account.username = username;
                account.passwordHash = hash;
                account.displayName = displayName;
                account.role = role;
                account.regionCode = regionCode;
                account.baseId = baseId;
                account.youthId = youthId;
                account.createdAt = clock.now();
                account.passwordChangedAt = account.createdAt;
                if (phone != null && !phone.isBlank()) {
                    account.phoneEncrypted = cipher.encrypt(phone.trim());
                    account.phoneHash = cipher.lookupHash(phone.trim());
                }
                return users.persist(account);
            });
        });
    }
}
