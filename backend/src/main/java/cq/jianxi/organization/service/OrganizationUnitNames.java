package cq.jianxi.organization.service;

import cq.jianxi.identity.service.UnitNames;
import cq.jianxi.region.service.Regions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Resolves an account's units for identity's profile (/api/me and the login response). */
@ApplicationScoped
public class OrganizationUnitNames implements UnitNames {

    @Inject
    Regions regions;
    @Inject
    Organizations organizations;

    @Override
    @WithSession
    public Uni<Names> of(String regionCode, String departmentCode, Long baseId) {
        Uni<String> region = regionCode == null ? Uni.createFrom().nullItem()
                : regions.findById(regionCode).map(r -> r == null ? null : r.shortName);
        Uni<String> department = departmentCode == null ? Uni.createFrom().nullItem()
                : organizations.department(departmentCode).map(d -> d == null ? null : d.name);
        return region.flatMap(regionName -> department.flatMap(departmentName -> {
            if (baseId == null) {
                return Uni.createFrom().item(new Names(regionName, departmentName, null, null));
            }
            return organizations.base(baseId).map(b -> new Names(regionName, departmentName,
                    b == null ? null : b.name, b == null ? null : b.status.name()));
        }));
    }
}
