package cq.jianxi.organization.repository;

import cq.jianxi.organization.domain.Department;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads the municipal departments of Annex 1. */
@ApplicationScoped
@WithSession
public class DepartmentRepository implements PanacheRepositoryBase<Department, String> {

    public Uni<List<Department>> listInOrder() {
        return list("order by seq");
    }
}
