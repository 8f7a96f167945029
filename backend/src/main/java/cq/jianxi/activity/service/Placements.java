package cq.jianxi.activity.service;

import io.smallrye.mutiny.Uni;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The internships an activity may record as placed. Declared here and implemented by the internship
 * context, because internships reach activities (through positions and bases) and not the other way round.
 */
public interface Placements {

    /** How many of the given internships are in the region, past PENDING and started on or after {@code heldOn}. */
    Uni<Long> countPlaceable(Collection<Long> internshipIds, String regionCode, LocalDate heldOn);
}
