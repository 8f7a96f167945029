package cq.jianxi.identity.service;

import cq.jianxi.common.security.Caller;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.organization.repository.DepartmentRepository;
import cq.jianxi.region.repository.RegionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Describes a user with the names of their region and department, for /api/me and the login response. */
@ApplicationScoped
public class UserDirectory {

    @Inject
    RegionRepository regions;

    @Inject
    DepartmentRepository departments;

    @WithSession
    public Uni<Profile> describe(UserAccount user) {
        return describe(user.id, user.username, user.displayName, user.role, user.regionCode, user.departmentCode,
                user.baseId, user.youthId);
    }

    @WithSession
    public Uni<Profile> describe(Caller caller) {
        return describe(caller.userId(), caller.username(), caller.displayName(), caller.role(), caller.regionCode(),
                caller.departmentCode(), caller.baseId(), caller.youthId());
    }

    private Uni<Profile> describe(Long id, String username, String displayName, cq.jianxi.common.security.Role role,
                                  String regionCode, String departmentCode, Long baseId, Long youthId) {
        Uni<String> regionName = regionCode == null ? Uni.createFrom().nullItem()
                : regions.findById(regionCode).map(r -> r == null ? null : r.shortName);
        return regionName.flatMap(rn -> (departmentCode == null ? Uni.createFrom().<String>nullItem()
                        : departments.findById(departmentCode).map(d -> d == null ? null : d.name))
                .map(dn -> new Profile(id, username, displayName, role, regionCode, rn, departmentCode, dn, baseId, youthId)));
    }

    /** A user with resolved names. */
    public record Profile(Long id, String username, String displayName, cq.jianxi.common.security.Role role,
                          String regionCode, String regionName, String departmentCode, String departmentName,
                          Long baseId, Long youthId) {
    }
}
