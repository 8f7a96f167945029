package cq.jianxi.position.repository;

import cq.jianxi.position.domain.Position;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Positions. Searches that join bases and employers live in PositionQueries. */
@ApplicationScoped
@WithSession
public class PositionRepository implements PanacheRepositoryBase<Position, Long> {

    public Uni<Position> findByIdForUpdate(Long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The ids of every position of a base, whatever its status. */
    public Uni<List<Long>> idsOfBase(long baseId) {
        return getSession().flatMap(s -> s.createSelectionQuery("select p.id from Position p where p.baseId = :base", Long.class)
                .setParameter("base", baseId).getResultList());
    }

    /**
     * Takes one seat with an atomic conditional update: the row lock it takes makes concurrent acceptances
     * queue, and the condition refuses the one past the headcount. Returns whether a seat was taken.
     */
    public Uni<Boolean> takeSeat(long id, OffsetDateTime now) {
        return getSession().flatMap(s -> s.createNativeQuery("""
                        update position set filled_count = filled_count + 1, updated_at = :now
                        where id = :id and filled_count < headcount""").setParameter("id", id)
                .setParameter("now", now).executeUpdate()).map(taken -> taken > 0);
    }

    /** Closes a published position whose seats are all taken (FILLED); returns whether it closed. */
    public Uni<Boolean> closeIfFilled(long id, OffsetDateTime now) {
        return getSession().flatMap(s -> s.createNativeQuery("""
                        update position set status = 'CLOSED', close_reason = 'FILLED', closed_at = :now
                        where id = :id and filled_count = headcount and status = 'PUBLISHED'""")
                .setParameter("id", id).setParameter("now", now).executeUpdate()).map(closed -> closed > 0);
    }

    /** Closes every published position whose deadline has passed; returns how many. */
    public Uni<Integer> closeExpired(LocalDate today, OffsetDateTime now) {
        return getSession().flatMap(s -> s.createNativeQuery("""
                        update position set status = 'CLOSED', close_reason = 'EXPIRED', closed_at = :now, updated_at = :now
                        where status = 'PUBLISHED' and deadline < :today
                        """).setParameter("today", today).setParameter("now", now).executeUpdate());
    }
}
