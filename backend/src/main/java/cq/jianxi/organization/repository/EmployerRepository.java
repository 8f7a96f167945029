package cq.jianxi.organization.repository;

import cq.jianxi.organization.domain.Employer;
import cq.jianxi.organization.domain.EmployerKeyCategory;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Employers and their key-enterprise categories. */
@ApplicationScoped
@WithSession
public class EmployerRepository implements PanacheRepositoryBase<Employer, Long> {

    public Uni<Employer> findByCreditCodeForUpdate(String creditCode) {
        return find("creditCode", creditCode).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Employer> findByCreditCode(String creditCode) {
        return find("creditCode", creditCode).firstResult();
    }

    public Uni<List<String>> categoriesOf(Long employerId) {
        return EmployerKeyCategory.<EmployerKeyCategory>list("employerId = ?1 order by categoryCode", employerId)
                .map(list -> list.stream().map(c -> c.categoryCode).toList());
    }

    public Uni<Map<Long, List<String>>> categoriesOf(Collection<Long> employerIds) {
        if (employerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return EmployerKeyCategory.<EmployerKeyCategory>list("employerId in :ids order by categoryCode",
                        Parameters.with("ids", employerIds))
                .map(list -> list.stream().collect(Collectors.groupingBy(c -> c.employerId,
                        Collectors.mapping(c -> c.categoryCode, Collectors.toList()))));
    }

    /** Adds the categories not yet recorded; existing ones stay. */
    public Uni<Void> addCategories(Long employerId, Collection<String> categoryCodes) {
        return categoriesOf(employerId).flatMap(existing -> {
            List<EmployerKeyCategory> added = categoryCodes.stream().distinct()
                    .filter(code -> !existing.contains(code))
                    .map(code -> EmployerKeyCategory.of(employerId, code))
                    .toList();
            return added.isEmpty() ? Uni.createFrom().voidItem() : EmployerKeyCategory.persist(added);
        });
    }
}
