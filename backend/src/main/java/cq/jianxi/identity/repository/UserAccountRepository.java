package cq.jianxi.identity.repository;

import cq.jianxi.identity.domain.UserAccount;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Built-in accounts. */
@ApplicationScoped
@WithSession
public class UserAccountRepository implements PanacheRepositoryBase<UserAccount, Long> {

    public Uni<UserAccount> findByUsername(String username) {
        return find("username", username).firstResult();
    }

    /** Locks the account row so concurrent logins of one account count failures one at a time. */
    public Uni<UserAccount> findByUsernameForUpdate(String username) {
        return find("username", username).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<UserAccount> findByIdForUpdate(Long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
