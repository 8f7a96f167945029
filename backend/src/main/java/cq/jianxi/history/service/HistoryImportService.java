package cq.jianxi.history.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.tabular.TabularFile;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.history.domain.HistorySheet;
import cq.jianxi.internship.service.InternshipHistory;
import cq.jianxi.organization.service.BaseHistory;
import cq.jianxi.position.service.PositionHistory;
import cq.jianxi.subsidy.service.DisbursementHistory;
import cq.jianxi.youth.service.YouthEnrolment;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Brings a district's records from the previous 见习系统 at go-live: bases with their approval dates,
 * positions with their publication dates, internships with agreement, arrival, end and outcome, and
 * subsidy payments. Every row is checked first (all problems reported at once); then everything is
 * written in one transaction through each context's own recorder, or nothing is. Rows already
 * imported with the same content are left as they are, so importing the same file again changes
 * nothing; a row whose content differs from what was imported is refused.
 */
@ApplicationScoped
public class HistoryImportService {

    @Inject
    AppClock clock;
    @Inject
    AuditService audit;
    @Inject
    BaseHistory bases;
    @Inject
    PositionHistory positions;
    @Inject
    InternshipHistory internships;
    @Inject
    DisbursementHistory payments;
    @Inject
    YouthEnrolment youths;

    /** What happened to one row. */
    public record RowOutcome(String sheet, int row, String outcome, long targetId) {
    }

    /** The per-row report of an import. */
    public record Result(Long importId, int created, int unchanged, List<RowOutcome> rows) {
    }

    /** Parses off the event loop, then writes in one transaction. */
    public Uni<Result> importFile(Caller caller, String regionCode, String fileName, java.nio.file.Path upload, String sheet) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        if (regionCode == null || regionCode.isBlank()) {
            throw ApiProblem.invalidField("regionCode", "请选择区县");
        }
        caller.requireRegion(regionCode);
        HistorySheet csvSheet = null;
        if (sheet != null && !sheet.isBlank()) {
            try {
                csvSheet = HistorySheet.valueOf(sheet.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("sheet", "sheet 须为 BASES、POSITIONS、INTERNSHIPS 或 DISBURSEMENTS");
            }
        }
        HistorySheet csv = csvSheet;
        // Parsing a workbook blocks: it runs on a worker, and the write goes back to the request's Vert.x context.
        io.vertx.core.Context vertx = io.vertx.core.Vertx.currentContext();
        return Uni.createFrom().item(() -> {
            try {
                byte[] content = java.nio.file.Files.readAllBytes(upload);
                return new Parsed(HistoryFile.read(content, csv, clock.today()), HistoryRows.sha256(java.util.HexFormat.of().formatHex(content)));
            } catch (TabularFile.TabularException e) {
                throw ApiProblem.invalidField("file", e.getMessage());
            } catch (java.io.IOException e) {
                throw ApiProblem.invalidField("file", "无法读取上传的文件");
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(r -> vertx.runOnContext(v -> r.run()))
                .flatMap(parsed -> {
                    if (!parsed.file().violations.isEmpty()) {
                        throw ApiProblem.unprocessable("文件有 " + parsed.file().violations.size() + " 处问题，未导入任何记录",
                                parsed.file().violations);
                    }
                    return write(caller, regionCode, fileName, parsed.sha256(), parsed.file());
                });
    }

    private record Parsed(HistoryFile file, String sha256) {
    }

    @WithTransaction
    Uni<Result> write(Caller caller, String region, String fileName, String sha, HistoryFile file) {
        Context ctx = new Context(caller, region);
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into history_import (region_code, file_name, file_sha256, uploaded_by, imported_at, created_rows, unchanged_rows)
                        values (:region, :name, :sha, :by, :at, 0, 0) returning id""", Long.class)
                .setParameter("region", region).setParameter("name", fileName == null ? "history.xlsx" : fileName)
                .setParameter("sha", sha).setParameter("by", caller.username()).setParameter("at", clock.now()).getSingleResult()
                .flatMap(importId -> {
                    ctx.session = s;
                    ctx.importId = importId;
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (HistoryFile.BaseRow b : file.bases) {
                        chain = chain.call(() -> one(ctx, HistorySheet.BASES, b.row(), b.creditCode(), b.hash(), () -> bases.record(caller,
                                new BaseHistory.MigratedBase(b.creditCode(), b.name(), region, b.industry(), b.ownership(),
                                        b.contactName(), b.approvedOn(), b.revokedOn(), b.revokeReason()))));
                    }
                    for (HistoryFile.PositionRow p : file.positions) {
                        chain = chain.call(() -> baseOf(ctx, p).flatMap(baseId -> one(ctx, HistorySheet.POSITIONS, p.row(), p.legacyId(),
                                p.hash(), () -> positions.record(new PositionHistory.MigratedPosition(baseId, region, p.title(),
                                        p.category(), p.headcount(), p.allowance(), p.durationMonths(), p.publishedOn(), p.deadline(),
                                        p.closedOn(), p.closeReason())))));
                    }
                    for (HistoryFile.InternshipRow i : file.internships) {
                        chain = chain.call(() -> one(ctx, HistorySheet.INTERNSHIPS, i.row(), i.legacyId(), i.hash(), () ->
                                reference(ctx, HistorySheet.POSITIONS, i.positionLegacyId(), i.row(), "positionLegacyId")
                                        .flatMap(positionId -> baseOfPosition(ctx, positionId).flatMap(baseId ->
                                                youths.findOrRegister(new YouthEnrolment.Known(i.name(), i.idNumber(), region,
                                                                i.education(), i.graduationDate()))
                                                        .flatMap(youthId -> internships.record(new InternshipHistory.MigratedInternship(
                                                                youthId, baseId, positionId, region, i.mentorName(), i.startDate(),
                                                                i.plannedEnd(), i.allowance(), i.state(), i.arrivedOn(), i.endDate(),
                                                                i.endReason(), i.outcome(), i.outcomeChannel())))))));
                    }
                    for (HistoryFile.PaymentRow p : file.payments) {
                        chain = chain.call(() -> one(ctx, HistorySheet.DISBURSEMENTS, p.row(), p.key(), p.hash(), () ->
                                reference(ctx, HistorySheet.INTERNSHIPS, p.internshipLegacyId(), p.row(), "internshipLegacyId")
                                        .flatMap(internshipId -> baseOfInternship(ctx, internshipId).flatMap(baseId ->
                                                payments.record(new DisbursementHistory.MigratedPayment(internshipId, baseId, region,
                                                        p.month(), p.approvedAmount(), p.paidOn(), p.amount(), p.fundingLevel(),
                                                        caller.username()))))));
                    }
                    return chain.flatMap(x -> finish(ctx));
                }));
    }

    private Uni<Result> finish(Context ctx) {
        Uni<Integer> bookkeeping = ctx.created == 0
                ? ctx.session.createNativeQuery("delete from history_import where id = :id").setParameter("id", ctx.importId).executeUpdate()
                : ctx.session.createNativeQuery("update history_import set created_rows = :c, unchanged_rows = :u where id = :id")
                .setParameter("c", ctx.created).setParameter("u", ctx.unchanged).setParameter("id", ctx.importId).executeUpdate();
        return bookkeeping.call(x -> audit.record(ctx.caller, AuditAction.HISTORY_IMPORTED, "history_import",
                        ctx.created == 0 ? null : String.valueOf(ctx.importId),
                        ctx.region + "：新增 " + ctx.created + " 行，未变 " + ctx.unchanged + " 行"))
                .map(x -> new Result(ctx.created == 0 ? null : ctx.importId, ctx.created, ctx.unchanged, ctx.outcomes));
    }

    /** Imports one row unless it was imported before with the same content; a row's failure names the row. */
    private Uni<Long> one(Context ctx, HistorySheet sheet, int row, String key, String hash, Supplier<Uni<Long>> create) {
        return ctx.session.createNativeQuery("""
                        select target_id, row_hash from history_record where region_code = :region and kind = :kind and legacy_key = :key""",
                        Object[].class)
                .setParameter("region", ctx.region).setParameter("kind", sheet.kind()).setParameter("key", key).getSingleResultOrNull()
                .flatMap(existing -> {
                    if (existing != null) {
                        if (!hash.equals(existing[1])) {
                            throw rowProblem(sheet, row, "legacyId", "已于之前导入且内容不同（" + key + "）；已导入的记录请在平台上更正");
                        }
                        long id = ((Number) existing[0]).longValue();
                        ctx.remember(sheet, key, id, row, "UNCHANGED");
                        return Uni.createFrom().item(id);
                    }
                    return Uni.createFrom().<Long>deferred(create::get)
                            .onFailure(ApiProblem.class).transform(e -> rowProblem(sheet, row, e))
                            .call(id -> ctx.session.createNativeQuery("""
                                            insert into history_record (region_code, kind, legacy_key, target_id, row_hash, import_id)
                                            values (:region, :kind, :key, :target, :hash, :import)""")
                                    .setParameter("region", ctx.region).setParameter("kind", sheet.kind()).setParameter("key", key)
                                    .setParameter("target", id).setParameter("hash", hash).setParameter("import", ctx.importId)
                                    .executeUpdate())
                            .invoke(id -> ctx.remember(sheet, key, id, row, "CREATED"));
                });
    }

    private Uni<Long> baseOf(Context ctx, HistoryFile.PositionRow p) {
        Long inFile = ctx.ids.get(HistorySheet.BASES.kind() + "/" + p.creditCode());
        if (inFile != null) {
            return Uni.createFrom().item(inFile);
        }
        return ctx.session.createNativeQuery("""
                        select b.id from base b join employer e on e.id = b.employer_id
                        where e.credit_code = :code and b.region_code = :region and b.status in ('APPROVED', 'REVOKED')
                        order by b.id desc limit 1""", Long.class)
                .setParameter("code", p.creditCode()).setParameter("region", ctx.region).getSingleResultOrNull().map(id -> {
                    if (id == null) {
                        throw rowProblem(HistorySheet.POSITIONS, p.row(), "creditCode",
                                "统一社会信用代码 " + p.creditCode() + " 不是本区县已备案的基地，也不在“见习基地”表中");
                    }
                    return id;
                });
    }

    /** An earlier sheet's row, from this file or an earlier import. */
    private Uni<Long> reference(Context ctx, HistorySheet sheet, String key, int row, String field) {
        Long inFile = ctx.ids.get(sheet.kind() + "/" + key);
        if (inFile != null) {
            return Uni.createFrom().item(inFile);
        }
        HistorySheet referring = sheet == HistorySheet.POSITIONS ? HistorySheet.INTERNSHIPS : HistorySheet.DISBURSEMENTS;
        return ctx.session.createNativeQuery("""
                        select target_id from history_record where region_code = :region and kind = :kind and legacy_key = :key""", Long.class)
                .setParameter("region", ctx.region).setParameter("kind", sheet.kind()).setParameter("key", key)
                .getSingleResultOrNull().map(id -> {
                    if (id == null) {
                        throw rowProblem(referring, row, field, "找不到“" + sheet.title() + "”中编号为 " + key + " 的记录");
                    }
                    return id;
                });
    }

    private Uni<Long> baseOfPosition(Context ctx, long positionId) {
        return ctx.session.createNativeQuery("select base_id from position where id = :id", Long.class)
                .setParameter("id", positionId).getSingleResult();
    }

    private Uni<Long> baseOfInternship(Context ctx, long internshipId) {
        return ctx.session.createNativeQuery("select base_id from internship where id = :id", Long.class)
                .setParameter("id", internshipId).getSingleResult();
    }

    private static ApiProblem rowProblem(HistorySheet sheet, int row, Throwable e) {
        ApiProblem p = (ApiProblem) e;
        String field = p.violations() == null || p.violations().isEmpty() ? "row" : p.violations().get(0).field();
        String message = p.violations() == null || p.violations().isEmpty() ? p.getMessage() : p.violations().get(0).message();
        return rowProblem(sheet, row, field, message);
    }

    private static ApiProblem rowProblem(HistorySheet sheet, int row, String field, String message) {
        String text = sheet.title() + " 第 " + row + " 行：" + message;
        return ApiProblem.unprocessable(text + "；未导入任何记录",
                List.of(Violation.inFile(row, sheet.name().toLowerCase() + "." + field, text)));
    }

    /** The state of one import while it runs. */
    private static final class Context {
        final Caller caller;
        final String region;
        Mutiny.Session session;
        long importId;
        int created;
        int unchanged;
        final Map<String, Long> ids = new HashMap<>();
        final List<RowOutcome> outcomes = new ArrayList<>();

        Context(Caller caller, String region) {
            this.caller = caller;
            this.region = region;
        }

        void remember(HistorySheet sheet, String key, long id, int row, String outcome) {
            ids.put(sheet.kind() + "/" + key, id);
            outcomes.add(new RowOutcome(sheet.title(), row, outcome, id));
            if ("CREATED".equals(outcome)) {
                created++;
            } else {
                unchanged++;
            }
        }
    }
}
