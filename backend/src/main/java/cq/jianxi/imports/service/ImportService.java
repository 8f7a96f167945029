package cq.jianxi.imports.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.tabular.Columns;
import cq.jianxi.common.tabular.TabularStream;
import cq.jianxi.common.tabular.TabularWorker;
import cq.jianxi.imports.domain.ImportBatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Data shared by other departments (数据共享): the education department's graduate roster and market
 * regulation's enterprise operating status. An upload is checked by its header, recorded as a batch
 * and handed to the {@link ImportRunner}; the batch row reports progress while it runs.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    ImportBatches batches;

    @Inject
    ImportRunner runner;

    @Inject
    RosterImport roster;

    @Inject
    EnterpriseStatusImport enterpriseStatus;

    /** The upload's checked header, the copy the runner reads and its digest. */
    private record Prepared(Columns.Mapping mapping, Path copy, String sha256) {
    }

    /** Checks the header, records the batch and starts processing; a file without the required columns is refused whole. */
    public Uni<ImportBatch> start(Caller caller, String kind, String fileName, Path upload) {
        requireUploader(caller, kind);
        boolean isRoster = ImportBatches.ROSTER.equals(kind);
        Columns columns = isRoster ? roster.columns() : enterpriseStatus.columns();
        Uni<Set<String>> regions = isRoster ? roster.regionCodes() : Uni.createFrom().item(Set.of());
        return TabularWorker.offload(() -> prepare(upload, columns)).flatMap(prepared -> regions
                .flatMap(codes -> batches.open(caller, kind, fileName, prepared.sha256())
                        .invoke(batch -> runner.submit(batch.id, prepared.copy(),
                                isRoster ? roster.job(prepared.mapping(), codes) : enterpriseStatus.job(prepared.mapping()))))
                .onFailure().invoke(() -> deleteQuietly(prepared.copy())));
    }

    private static void requireUploader(Caller caller, String kind) {
        if (ImportBatches.ROSTER.equals(kind)) {
            boolean education = caller.is(Role.DEPARTMENT) && "JW".equals(caller.departmentCode());
            if (!education && !caller.is(Role.CITY_ADMIN)) {
                throw ApiProblem.forbidden("毕业生名单由市教委或市人社局上传");
            }
        } else {
            caller.requireRole(Role.CITY_ADMIN);
        }
    }

    /** Blocking: reads the header, copies the upload (the request's file goes when the request ends) and hashes it. */
    private static Prepared prepare(Path upload, Columns columns) {
        List<String> header = new ArrayList<>();
        try {
            TabularStream.read(upload, (number, cells) -> {
                header.addAll(cells);
                throw new StopReading();
            });
        } catch (StopReading done) {
            // only the header was wanted
        } catch (Exception e) {
            throw ApiProblem.unprocessable("文件无法读取：" + e.getMessage(), List.of(Violation.of("file", "文件无法读取")));
        }
        Columns.Mapping mapping = columns.map(header);
        if (!mapping.valid()) {
            throw ApiProblem.unprocessable("文件列不符合要求，整份拒绝", mapping.violations());
        }
        try {
            Path copy = Files.createTempFile("jianxi-import", ".bin");
            Files.copy(upload, copy, StandardCopyOption.REPLACE_EXISTING);
            return new Prepared(mapping, copy, sha256(copy));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the import", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }

    /** Stops the streaming reader after the header. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
