package cq.jianxi.organization.service;

import cq.jianxi.activity.service.AttachmentService;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.BaseDocumentKind;
import cq.jianxi.organization.domain.BaseFile;
import cq.jianxi.organization.domain.BaseInspection;
import cq.jianxi.organization.domain.BaseRejection;
import cq.jianxi.organization.domain.BaseStatus;
import cq.jianxi.organization.domain.Employer;
import cq.jianxi.organization.domain.InspectionConclusion;
import cq.jianxi.organization.repository.BaseRepository;
import cq.jianxi.organization.repository.EmployerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The certification (认定) of a filing: the documents its base uploads, the district's on-site
 * inspections with their photos, and the dossier a reviewer reads (receipt, deadline, declared data,
 * rejections). Files follow the activity records' rules: type by content, no active PDF, a size limit.
 */
@ApplicationScoped
public class BaseCertificationService {

    private static final Set<BaseDocumentKind> DOCUMENT_KINDS =
            Set.of(BaseDocumentKind.BUSINESS_LICENCE, BaseDocumentKind.WORKPLACE_PHOTO, BaseDocumentKind.OTHER);

    @Inject
    BaseRepository bases;
    @Inject
    EmployerRepository employers;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;
    @Inject
    Vertx vertx;

    @ConfigProperty(name = "jianxi.storage.dir")
    String storageDir;

    @ConfigProperty(name = "jianxi.storage.max-bytes", defaultValue = "10485760")
    long maxBytes;

    /** What a district inspector records. */
    public record InspectionInput(LocalDate inspectedOn, String inspectorOne, String inspectorTwo, String findings,
                                  String conclusion) {
    }

    /** An inspection with its photos. */
    public record Inspection(BaseInspection inspection, List<BaseFile> photos) {
    }

    /** Everything a reviewer (or the base) reads about a filing's certification. */
    public record Dossier(Base base, Employer employer, BaseFilingService.Declared declared, boolean overdue,
                          List<BaseFile> documents, List<Inspection> inspections, List<BaseRejection> rejections) {
    }

    /** A file to send back. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    /** The base uploads a document to its own filing while it waits for review or after a rejection. */
    @WithTransaction
    public Uni<BaseFile> uploadDocument(Caller caller, long baseId, String kind, String fileName, Path file, long size) {
        caller.requireRole(Role.BASE);
        Checks checks = new Checks();
        BaseDocumentKind k = checks.enumValue("kind", kind, BaseDocumentKind.class, "材料类型");
        checks.check(k == null || DOCUMENT_KINDS.contains(k), "kind",
                "材料类型须为 BUSINESS_LICENCE 营业执照、WORKPLACE_PHOTO 场所照片或 OTHER 其他");
        checkSize(checks, size).throwIfAny();
        return bases.findByIdForUpdate(baseId).flatMap(base -> {
            requireOwnOpenFiling(caller, base);
            return store(caller, base, null, k, fileName, file);
        }).call(f -> audit.record(caller, AuditAction.BASE_DOCUMENT_UPLOADED, "base", String.valueOf(baseId),
                f.kind.label() + "：" + f.fileName));
    }

    /** The base removes a document it uploaded, while its filing is still open (pending or rejected). */
    @WithTransaction
    public Uni<Void> deleteDocument(Caller caller, long baseId, long fileId) {
        caller.requireRole(Role.BASE);
        return bases.findByIdForUpdate(baseId).flatMap(base -> {
            requireOwnOpenFiling(caller, base);
            return BaseFile.<BaseFile>find("id = ?1 and baseId = ?2 and inspectionId is null", fileId, baseId).<BaseFile>firstResult();
        }).flatMap(f -> {
            if (f == null) {
                throw ApiProblem.notFound("材料不存在");
            }
            String key = f.storageKey;
            String label = f.kind.label() + "：" + f.fileName;
            return f.delete()
                    .call(() -> audit.record(caller, AuditAction.BASE_DOCUMENT_DELETED, "base", String.valueOf(baseId), label))
                    // The row is gone either way; a file left behind by a failed removal is harmless.
                    .call(() -> vertx.fileSystem().delete(storage(key).toString()).onFailure().recoverWithNull());
        });
    }

    /** District staff record an on-site inspection of a pending filing of their district. */
    @WithTransaction
    public Uni<Inspection> recordInspection(Caller caller, long baseId, InspectionInput input) {
        caller.requireRole(Role.DISTRICT_ADMIN);
        Checks checks = new Checks();
        checks.check(input.inspectedOn() != null, "inspectedOn", "请填写核查日期");
        checks.check(input.inspectedOn() == null || !input.inspectedOn().isAfter(clock.today()), "inspectedOn",
                "核查日期不能晚于今天");
        checks.notBlank("inspectorOne", input.inspectorOne(), 50, "第一核查人");
        checks.notBlank("inspectorTwo", input.inspectorTwo(), 50, "第二核查人");
        checks.check(input.inspectorOne() == null || input.inspectorTwo() == null
                        || !input.inspectorOne().trim().equals(input.inspectorTwo().trim()),
                "inspectorTwo", "现场核查须由两名不同的核查人进行");
        checks.notBlank("findings", input.findings(), 2000, "核查情况");
        InspectionConclusion conclusion = checks.enumValue("conclusion", input.conclusion(), InspectionConclusion.class, "核查结论");
        checks.throwIfAnyRuleBroken();
        return bases.findByIdForUpdate(baseId).flatMap(base -> {
            BaseRegistry.requireVisible(caller, base);
            requirePending(base);
            if (input.inspectedOn().isBefore(AppClock.dateOf(base.submittedAt))) {
                // An inspection before this submission saw what the base has since corrected.
                throw ApiProblem.ruleAt("inspectedOn", "核查日期不能早于本次提交日期 " + AppClock.dateOf(base.submittedAt));
            }
            BaseInspection i = new BaseInspection();
            i.baseId = base.id;
            i.submissionRound = base.submissionRound;
            i.inspectedOn = input.inspectedOn();
            i.inspectorOne = input.inspectorOne().trim();
            i.inspectorTwo = input.inspectorTwo().trim();
            i.findings = input.findings().trim();
            i.conclusion = conclusion;
            i.recordedBy = caller.username();
            i.recordedAt = clock.now();
            return i.<BaseInspection>persist();
        }).call(i -> audit.record(caller, AuditAction.BASE_INSPECTED, "base", String.valueOf(baseId),
                i.inspectedOn + " " + i.conclusion.label())).map(i -> new Inspection(i, List.of()));
    }

    /** District staff add a photo to an inspection of the filing's current submission. */
    @WithTransaction
    public Uni<BaseFile> uploadInspectionPhoto(Caller caller, long baseId, long inspectionId, String fileName, Path file, long size) {
        caller.requireRole(Role.DISTRICT_ADMIN);
        checkSize(new Checks(), size).throwIfAny();
        return bases.findByIdForUpdate(baseId).flatMap(base -> {
            BaseRegistry.requireVisible(caller, base);
            requirePending(base);
            return BaseInspection.<BaseInspection>find("id = ?1 and baseId = ?2", inspectionId, baseId).<BaseInspection>firstResult().flatMap(i -> {
                if (i == null) {
                    throw ApiProblem.notFound("现场核查记录不存在");
                }
                if (i.submissionRound != base.submissionRound) {
                    throw ApiProblem.conflict("该核查属于此前的提交，不能再补充照片");
                }
                return store(caller, base, i.id, BaseDocumentKind.INSPECTION_PHOTO, fileName, file);
            });
        });
    }

    /** One document or photo, for the base itself and the reviewers of its district and the city. */
    @WithSession
    public Uni<Download> download(Caller caller, long baseId, long fileId) {
        return bases.findById(baseId).flatMap(base -> {
            requireReviewable(caller, base);
            return BaseFile.<BaseFile>find("id = ?1 and baseId = ?2", fileId, baseId).<BaseFile>firstResult();
        }).flatMap(f -> {
            if (f == null) {
                throw ApiProblem.notFound("材料不存在");
            }
            return vertx.fileSystem().readFile(storage(f.storageKey).toString())
                    .map(buffer -> new Download(f.fileName, f.contentType, buffer.getBytes()));
        });
    }

    /** The filing's certification: what the base declared and uploaded, the inspections and the rejections. */
    @WithSession
    public Uni<Dossier> dossier(Caller caller, long baseId) {
        return bases.findById(baseId).flatMap(base -> {
            requireReviewable(caller, base);
            return employers.findById(base.employerId).flatMap(employer -> employers.categoriesOf(employer.id)
                    .flatMap(cats -> BaseFile.<BaseFile>list("baseId", Sort.ascending("id"), base.id)
                            .flatMap(files -> BaseInspection.<BaseInspection>list("baseId", Sort.descending("submissionRound", "inspectedOn", "id"), base.id)
                                    .flatMap(inspections -> BaseRejection.<BaseRejection>list("baseId", Sort.ascending("submissionRound"), base.id)
                                            .map(rejections -> {
                                                Map<Long, List<BaseFile>> photos = files.stream().filter(f -> f.inspectionId != null)
                                                        .collect(Collectors.groupingBy(f -> f.inspectionId));
                                                List<BaseFile> documents = files.stream().filter(f -> f.inspectionId == null).toList();
                                                List<Inspection> withPhotos = inspections.stream()
                                                        .map(i -> new Inspection(i, photos.getOrDefault(i.id, List.of()))).toList();
                                                return new Dossier(base, employer, BaseFilingService.declared(base, employer, cats),
                                                        base.overdueOn(clock.today()), documents, withPhotos, rejections);
                                            })))));
        });
    }

    private Uni<BaseFile> store(Caller caller, Base base, Long inspectionId, BaseDocumentKind kind, String fileName, Path file) {
        return vertx.fileSystem().readFile(file.toString()).flatMap(buffer -> {
            byte[] bytes = buffer.getBytes();
            String type = AttachmentService.contentType(bytes);
            if (type == null) {
                throw ApiProblem.invalidField("file", "只接受图片（JPEG、PNG）、PDF 或 xlsx 文件");
            }
            if ("application/pdf".equals(type) && AttachmentService.activePdf(bytes)) {
                throw ApiProblem.invalidField("file", "PDF 含有脚本、自动动作或嵌入文件，不能上传；请另存为普通 PDF 后再上传");
            }
            String key = "bases/" + clock.year() + "/" + UUID.randomUUID();
            Path target = storage(key);
            BaseFile f = new BaseFile();
            f.baseId = base.id;
            f.inspectionId = inspectionId;
            f.kind = kind;
            f.fileName = AttachmentService.withExtension(AttachmentService.safeName(fileName), type);
            f.contentType = type;
            f.sizeBytes = bytes.length;
            f.sha256 = AttachmentService.sha256(bytes);
            f.storageKey = key;
            f.uploadedBy = caller.username();
            f.uploadedAt = clock.now();
            return vertx.fileSystem().mkdirs(target.getParent().toString())
                    .flatMap(v -> vertx.fileSystem().writeFile(target.toString(), Buffer.buffer(bytes)))
                    .flatMap(v -> f.<BaseFile>persist());
        });
    }

    private Path storage(String key) {
        return Path.of(storageDir).resolve(key);
    }

    private Checks checkSize(Checks checks, long size) {
        return checks.check(size > 0, "file", "文件为空")
                .check(size <= maxBytes, "file", "文件过大（上限 " + maxBytes / (1024 * 1024) + " MB）");
    }

    private static void requireOwnOpenFiling(Caller caller, Base base) {
        BaseRegistry.requireVisible(caller, base);
        if (base.status != BaseStatus.PENDING && base.status != BaseStatus.REJECTED) {
            throw ApiProblem.conflict("备案已" + base.status.label() + "，材料不能再修改");
        }
    }

    private static void requirePending(Base base) {
        if (base.status != BaseStatus.PENDING) {
            throw ApiProblem.conflict("只能核查待审核的备案，当前状态：" + base.status.label());
        }
    }

    /** The base itself, its district's admins and the city; departments and young people see no documents. */
    private static void requireReviewable(Caller caller, Base base) {
        caller.requireRole(Role.BASE, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        BaseRegistry.requireVisible(caller, base);
    }
}
