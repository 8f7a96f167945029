package cq.jianxi.organization.service;

import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.Department;
import cq.jianxi.organization.domain.Employer;
import cq.jianxi.organization.repository.BaseRepository;
import cq.jianxi.organization.repository.DepartmentRepository;
import cq.jianxi.organization.repository.EmployerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Single bases, employers and departments as other contexts read them; each returns null when there is none. */
@ApplicationScoped
public class Organizations {

    @Inject
    BaseRepository bases;
    @Inject
    EmployerRepository employers;
    @Inject
    DepartmentRepository departments;

    public Uni<Base> base(Long id) {
        return bases.findById(id);
    }

    /** The base, locked for the caller's transaction (a decision on it must not interleave with its filing's). */
    public Uni<Base> baseForUpdate(Long id) {
        return bases.findByIdForUpdate(id);
    }

    public Uni<Employer> employer(Long id) {
        return employers.findById(id);
    }

    public Uni<Department> department(String code) {
        return departments.findById(code);
    }

    /** Base id to name, for other contexts' lists. */
    public Uni<Map<Long, String>> baseNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return bases.list("id in ?1", Set.copyOf(ids)).map(list -> {
            Map<Long, String> names = new HashMap<>();
            list.forEach(b -> names.put(b.id, b.name));
            return names;
        });
    }
}
