package cq.jianxi.identity.repository;

import cq.jianxi.identity.domain.LoginChallenge;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Challenges between the password and the second factor, keyed by the hash of the ticket. */
@ApplicationScoped
@WithSession
public class LoginChallengeRepository implements PanacheRepositoryBase<LoginChallenge, String> {

    /** Locks the challenge so that two requests with one ticket are handled one after the other. */
    public Uni<LoginChallenge> findForUpdate(String tokenHash) {
        return findById(tokenHash, LockModeType.PESSIMISTIC_WRITE);
    }
}
