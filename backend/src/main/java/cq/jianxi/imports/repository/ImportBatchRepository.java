package cq.jianxi.imports.repository;

import cq.jianxi.imports.domain.ImportBatch;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Import batches and their row reports. */
@ApplicationScoped
@WithSession
public class ImportBatchRepository implements PanacheRepositoryBase<ImportBatch, Long> {

    /** One line of a row report. */
    public record RowError(int row, String field, String reason) {
    }

    /** Batches of one kind, or of every kind when {@code kind} is null, newest first. */
    public PanacheQuery<ImportBatch> ofKind(String kind) {
        return kind == null ? findAll(Sort.descending("id")) : find("kind", Sort.descending("id"), kind);
    }

    public Uni<List<RowError>> rowErrors(long batchId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select row_no, field, reason from import_row_error where batch_id = :batch order by row_no, field",
                        Object[].class)
                .setParameter("batch", batchId).getResultList())
                .map(rows -> rows.stream().map(r -> new RowError(((Number) r[0]).intValue(), (String) r[1], (String) r[2]))
                        .toList());
    }
}
