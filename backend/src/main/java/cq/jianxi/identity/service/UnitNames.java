package cq.jianxi.identity.service;

import io.smallrye.mutiny.Uni;

/**
 * The names of the units an account belongs to. Declared here and implemented by the organization
 * context, which owns them and already depends on identity for its accounts.
 */
public interface UnitNames {

    /** Names for the given codes and id; each null when its code or id is null or unknown. */
    Uni<Names> of(String regionCode, String departmentCode, Long baseId);

    /** A region's short name, a department's name, and a base's name and filing status. */
    record Names(String regionName, String departmentName, String baseName, String baseStatus) {
    }
}
