package cq.jianxi.identity.service;

import cq.jianxi.common.security.Role;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.UserAccountRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds accounts that can still log in with a published password (the demo's), for the production start
 * check. bcrypt costs tens of milliseconds a check on purpose, so only the accounts a published password
 * can be on are checked: the named demo accounts and the staff accounts, which are few and provisioned
 * by hand. Young people and bases choose their own password when they register, and
 * {@link PasswordPolicy} refuses the published one there and at every password change.
 */
@ApplicationScoped
public class DefaultPasswords {

    private static final Set<Role> STAFF = Set.of(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);

    @Inject
    UserAccountRepository users;
    @Inject
    PasswordHasher hasher;

    /** Usernames of enabled accounts, among {@code usernames} and the staff, whose password is one of {@code passwords}. */
    @WithSession
    public Uni<List<String>> accountsStillUsing(Collection<String> passwords, Collection<String> usernames) {
        return users.list("enabled = true and (username in ?1 or role in ?2) order by username", usernames, STAFF)
                .flatMap(accounts -> {
                    if (accounts.isEmpty() || passwords.isEmpty()) {
                        return Uni.createFrom().item(List.<String>of());
                    }
                    List<Uni<String>> checks = accounts.stream().map(a -> usernameIfUsing(a, passwords)).toList();
                    return Uni.join().all(checks).andFailFast()
                            .map(found -> found.stream().filter(Objects::nonNull).toList());
                });
    }

    private Uni<String> usernameIfUsing(UserAccount account, Collection<String> passwords) {
        Uni<Boolean> any = Uni.createFrom().item(false);
        for (String password : passwords) {
            any = any.flatMap(found -> found ? Uni.createFrom().item(true) : hasher.matches(password, account.passwordHash));
        }
        return any.map(found -> found ? account.username : null);
    }
}
