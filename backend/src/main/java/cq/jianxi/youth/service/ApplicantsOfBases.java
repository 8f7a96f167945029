package cq.jianxi.youth.service;

import io.smallrye.mutiny.Uni;

/**
 * Whether a young person applied to a base, which lets the base see their record. Declared here and
 * implemented by the application context, which depends on youth and not the other way round.
 */
public interface ApplicantsOfBases {

    /** True when the person applied to any position of the base; false for a null base. */
    Uni<Boolean> appliedTo(long youthId, Long baseId);
}
