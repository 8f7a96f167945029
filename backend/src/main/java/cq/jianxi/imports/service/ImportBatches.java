package cq.jianxi.imports.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.imports.domain.ImportBatch;
import cq.jianxi.imports.repository.ImportBatchRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The bookkeeping of imports: a batch opened (and audited) per upload, and the batches and row reports
 * shown to the city (every kind) and the education department (its rosters).
 */
@ApplicationScoped
public class ImportBatches {

    public static final String ROSTER = "GRADUATE_ROSTER";
    public static final String ENTERPRISE_STATUS = "ENTERPRISE_STATUS";
    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    AppClock clock;

    @Inject
    ImportBatchRepository batches;

    @Inject
    AuditService audit;

    /** One page of batches with the total count of matches. */
    public record Page(List<ImportBatch> items, long total, int page, int size) {
    }

    /** Records a new batch as processing, with its audit event in the same transaction. */
    @WithTransaction
    Uni<ImportBatch> open(Caller caller, String kind, String fileName, String sha256) {
        ImportBatch batch = new ImportBatch();
        batch.kind = kind;
        batch.fileName = fileName == null || fileName.isBlank() ? "upload"
                : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        batch.fileSha256 = sha256;
        batch.source = caller.departmentCode() != null ? caller.departmentCode() : caller.role().name();
        batch.uploadedBy = caller.username();
        batch.status = "PROCESSING";
        batch.startedAt = clock.now();
        return batches.persistAndFlush(batch).call(saved -> audit.record(caller,
                ROSTER.equals(kind) ? AuditAction.ROSTER_IMPORTED : AuditAction.ENTERPRISE_STATUS_IMPORTED,
                "import_batch", String.valueOf(saved.id), fileName));
    }

    /** Newest first; the education department sees only rosters whatever {@code kind} says. */
    @WithSession
    public Uni<Page> list(Caller caller, String kind, int page, int size) {
        String only = visibleKind(caller);
        new Checks().page(page, size, MAX_PAGE_SIZE).throwIfAny();
        String filter = only != null ? only : (kind == null || kind.isBlank() ? null : kind.trim());
        var query = batches.ofKind(filter);
        return query.page(page, size).list()
                .flatMap(items -> query.count().map(total -> new Page(items, total, page, size)));
    }

    @WithSession
    public Uni<ImportBatch> get(Caller caller, long batchId) {
        String only = visibleKind(caller);
        return batches.findById(batchId).map(b -> {
            if (b == null) {
                throw ApiProblem.notFound("导入批次不存在");
            }
            if (only != null && !only.equals(b.kind)) {
                throw ApiProblem.forbidden("无权查看该导入批次");
            }
            return b;
        });
    }

    /** The batch's row report, ordered by row and field. */
    @WithSession
    public Uni<List<ImportBatchRepository.RowError>> rowErrors(Caller caller, long batchId) {
        return get(caller, batchId).flatMap(b -> batches.rowErrors(batchId));
    }

    private static String visibleKind(Caller caller) {
        if (caller.is(Role.CITY_ADMIN)) {
            return null;
        }
        if (caller.is(Role.DEPARTMENT) && "JW".equals(caller.departmentCode())) {
            return ROSTER;
        }
        throw ApiProblem.forbidden("无权查看导入批次");
    }
}
