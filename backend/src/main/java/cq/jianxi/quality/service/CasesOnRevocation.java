package cq.jianxi.quality.service;

import cq.jianxi.common.security.Caller;
import cq.jianxi.organization.service.BaseRevocationListener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A revoked base has nothing left to rectify: its open disqualification cases close with the revocation. */
@ApplicationScoped
public class CasesOnRevocation implements BaseRevocationListener {

    @Inject
    DisqualificationService service;

    @Override
    public Uni<Void> baseRevoked(Caller caller, long baseId) {
        return service.closeOpenCases(caller, baseId);
    }
}
