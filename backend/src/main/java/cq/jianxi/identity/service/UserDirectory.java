package cq.jianxi.identity.service;

import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.identity.domain.UserAccount;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Describes a user with the names of their region, department and base, for /api/me and the login
 * response. The names come through the {@link UnitNames} port, so identity does not depend on the contexts
 * that own them.
 */
@ApplicationScoped
public class UserDirectory {

    @Inject
    UnitNames unitNames;

    public Uni<Profile> describe(UserAccount user) {
        return describe(user.id, user.username, user.displayName, user.role, user.regionCode, user.departmentCode,
                user.baseId, user.youthId);
    }

    public Uni<Profile> describe(Caller caller) {
        return describe(caller.userId(), caller.username(), caller.displayName(), caller.role(), caller.regionCode(),
                caller.departmentCode(), caller.baseId(), caller.youthId());
    }

    private Uni<Profile> describe(Long id, String username, String displayName, Role role,
                                  String regionCode, String departmentCode, Long baseId, Long youthId) {
        return unitNames.of(regionCode, departmentCode, baseId).map(n -> new Profile(id, username, displayName, role,
                regionCode, n.regionName(), departmentCode, n.departmentName(), baseId, n.baseName(), n.baseStatus(),
                youthId));
    }

    /** A user with resolved names. */
    public record Profile(Long id, String username, String displayName, Role role,
                          String regionCode, String regionName, String departmentCode, String departmentName,
                          Long baseId, String baseName, String baseStatus, Long youthId) {
    }
}
