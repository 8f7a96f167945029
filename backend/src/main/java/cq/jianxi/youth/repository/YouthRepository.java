package cq.jianxi.youth.repository;

import cq.jianxi.youth.domain.Youth;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Registry records. */
@ApplicationScoped
@WithSession
public class YouthRepository implements PanacheRepositoryBase<Youth, Long> {

    public Uni<Youth> findByIdNumberHashForUpdate(String hash) {
        return find("idNumberHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
