package cq.jianxi.imports.service;

import cq.jianxi.common.persistence.JdbcTransaction;
import cq.jianxi.common.tabular.TabularStream;
import cq.jianxi.imports.repository.ImportBatchJdbc;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs imports one at a time on their own thread: the file streams through a job in chunks inside one
 * database transaction, so a 100,000-row roster needs little memory and a failure leaves nothing written.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    @Inject
    ImportBatchJdbc bookkeeping;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jianxi-import");
        t.setDaemon(true);
        return t;
    });

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Processes {@code file} (a copy the runner deletes when done) into the batch. */
    void submit(long batchId, Path file, ImportJob.Factory jobs) {
        worker.submit(() -> run(batchId, file, jobs));
    }

    private void run(long batchId, Path file, ImportJob.Factory jobs) {
        try (JdbcTransaction tx = bookkeeping.transaction()) {
            try {
                ImportJob job = jobs.on(tx);
                TabularStream.read(file, (number, cells) -> {
                    if (number > 1 && cells.stream().anyMatch(v -> v != null && !v.isBlank())) {
                        job.row(number, cells);
                        if (job.due()) {
                            flush(batchId, job);
                        }
                    }
                });
                flush(batchId, job);
                bookkeeping.complete(tx, batchId, new ImportBatchJdbc.Counts(job.total, job.created, job.updated,
                        job.unchanged, job.errors));
                tx.commit();
                LOG.infof("Import %d finished: %d rows, %d created, %d updated, %d unchanged, %d errors", batchId,
                        job.total, job.created, job.updated, job.unchanged, job.errors);
            } catch (Exception e) {
                tx.rollback();
                // The message may quote file content; keep personal data out of the log.
                LOG.warnf("Import %d failed: %s", batchId, e.getClass().getSimpleName());
                bookkeeping.markFailed(batchId, "导入失败，未写入任何数据；请检查文件后重新上传（批次 " + batchId + "）");
            }
        } catch (SQLException e) {
            bookkeeping.markFailed(batchId, "数据库不可用");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private void flush(long batchId, ImportJob job) throws SQLException {
        job.flushRows();
        bookkeeping.report(job.tx, batchId, job.problems.stream()
                .map(p -> new ImportBatchJdbc.RowError(p.row(), p.field(), p.reason())).toList());
        job.problems.clear();
        bookkeeping.progress(batchId, job.total);
    }
}
