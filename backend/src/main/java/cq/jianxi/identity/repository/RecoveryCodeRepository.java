package cq.jianxi.identity.repository;

import cq.jianxi.identity.domain.RecoveryCode;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Recovery codes (keyed hashes) per account. */
@ApplicationScoped
@WithSession
public class RecoveryCodeRepository implements PanacheRepositoryBase<RecoveryCode, Long> {

    /** The unused code with this hash, locked so that two logins cannot both spend it. */
    public Uni<RecoveryCode> findUnused(Long userId, String codeHash) {
        return find("userId = :u and codeHash = :h and usedAt is null", Parameters.with("u", userId).and("h", codeHash))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<Long> countUnused(Long userId) {
        return count("userId = :u and usedAt is null", Parameters.with("u", userId));
    }

    public Uni<Long> deleteAllOf(Long userId) {
        return delete("userId", userId);
    }
}
