package cq.jianxi.internship.service;

import cq.jianxi.activity.service.Placements;
import cq.jianxi.internship.domain.Internship;
import cq.jianxi.internship.domain.InternshipState;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;

/** Answers the activity context which internships a matching event may claim to have placed. */
@ApplicationScoped
public class InternshipPlacements implements Placements {

    @Override
    @WithSession
    public Uni<Long> countPlaceable(Collection<Long> internshipIds, String regionCode, LocalDate heldOn) {
        return Internship.count("id in ?1 and regionCode = ?2 and state <> ?3 and startDate >= ?4",
                internshipIds, regionCode, InternshipState.PENDING, heldOn);
    }
}
