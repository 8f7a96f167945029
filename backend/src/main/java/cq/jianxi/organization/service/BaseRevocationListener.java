package cq.jianxi.organization.service;

import cq.jianxi.common.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * What another context does when a base's filing is revoked, inside the revocation's transaction
 * (e.g. positions close). An interface here, implemented there, because those contexts already
 * depend on this one and a direct call back would make a cycle.
 */
public interface BaseRevocationListener {

    Uni<Void> baseRevoked(Caller caller, long baseId);
}
