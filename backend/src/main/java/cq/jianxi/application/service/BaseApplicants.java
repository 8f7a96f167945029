package cq.jianxi.application.service;

import cq.jianxi.application.domain.Application;
import cq.jianxi.position.service.PositionSearch;
import cq.jianxi.youth.service.ApplicantsOfBases;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Tells the youth registry which bases a person applied to, for the bases' right to see the record. */
@ApplicationScoped
public class BaseApplicants implements ApplicantsOfBases {

    @Inject
    PositionSearch positions;

    @Override
    public Uni<Boolean> appliedTo(long youthId, Long baseId) {
        if (baseId == null) {
            return Uni.createFrom().item(false);
        }
        return positions.idsOfBase(baseId).flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(false)
                : Application.count("youthId = ?1 and positionId in ?2", youthId, ids).map(n -> n > 0));
    }
}
