package cq.jianxi.activity.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The records an activity keeps (台账, sign-in sheets, photos): images, PDF and xlsx only, checked by
 * their content rather than their name, within a size limit, stored durably in the data directory.
 */
@ApplicationScoped
public class AttachmentService {

    @jakarta.inject.Inject
    AppClock clock;

    static final Set<String> KINDS = Set.of("LEDGER", "SIGN_IN", "PHOTO", "OTHER");

    @Inject
    Vertx vertx;
    @Inject
    Pool pool;
    @Inject
    ActivityService activities;

    @ConfigProperty(name = "jianxi.storage.dir")
    String storageDir;

    @ConfigProperty(name = "jianxi.storage.max-bytes", defaultValue = "10485760")
    long maxBytes;

    /** A stored record file. */
    public record Attachment(long id, long activityId, String kind, String fileName, String contentType, long sizeBytes,
                             String uploadedBy, OffsetDateTime uploadedAt) {
    }

    /** A file to send back. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    public Uni<Attachment> upload(Caller caller, long activityId, String kind, String fileName, Path file, long size) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        new Checks().check(kind != null && KINDS.contains(kind), "kind", "资料类型须为 LEDGER 台账、SIGN_IN 签到表、PHOTO 照片或 OTHER 其他")
                .check(size > 0, "file", "文件为空")
                .check(size <= maxBytes, "file", "文件过大（上限 " + maxBytes / (1024 * 1024) + " MB）").throwIfAny();
        return activities.one(activityId).flatMap(activity -> {
            caller.requireRegion(activity.regionCode());
            return vertx.fileSystem().readFile(file.toString());
        }).flatMap(buffer -> {
            byte[] bytes = buffer.getBytes();
            String type = contentType(bytes);
            if (type == null) {
                throw ApiProblem.invalidField("file", "只接受图片（JPEG、PNG）、PDF 或 xlsx 文件");
            }
            if ("application/pdf".equals(type) && activePdf(bytes)) {
                throw ApiProblem.invalidField("file", "PDF 含有脚本、自动动作或嵌入文件，不能上传；请另存为普通 PDF 后再上传");
            }
            String name = withExtension(safeName(fileName), type);
            String key = clock.year() + "/" + UUID.randomUUID();
            Path target = Path.of(storageDir).resolve(key);
            return vertx.fileSystem().mkdirs(target.getParent().toString())
                    .flatMap(v -> vertx.fileSystem().writeFile(target.toString(), Buffer.buffer(bytes)))
                    .flatMap(v -> pool.preparedQuery("""
                                    insert into activity_attachment (activity_id, kind, file_name, content_type, size_bytes, sha256,
                                                                     storage_key, uploaded_by)
                                    values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, uploaded_at""")
                            .execute(Tuple.tuple(List.of(activityId, kind, name, type, (long) bytes.length,
                                    sha256(bytes), key, caller.username()))))
                    .map(rows -> {
                        Row r = rows.iterator().next();
                        return new Attachment(r.getLong(0), activityId, kind, name, type, bytes.length,
                                caller.username(), r.getOffsetDateTime(1));
                    });
        });
    }

    public Uni<List<Attachment>> list(Caller caller, long activityId) {
        return visible(caller, activityId).flatMap(v -> pool.preparedQuery("""
                        select id, kind, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                        from activity_attachment where activity_id = $1 order by id""").execute(Tuple.of(activityId)))
                .map(rows -> {
                    List<Attachment> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new Attachment(r.getLong(0), activityId, r.getString(1), r.getString(2), r.getString(3),
                                r.getLong(4), r.getString(5), r.getOffsetDateTime(6)));
                    }
                    return list;
                });
    }

    public Uni<Download> download(Caller caller, long activityId, long attachmentId) {
        return visible(caller, activityId).flatMap(v -> pool.preparedQuery(
                        "select file_name, content_type, storage_key from activity_attachment where id = $1 and activity_id = $2")
                .execute(Tuple.of(attachmentId, activityId))).flatMap(rows -> {
            if (!rows.iterator().hasNext()) {
                throw ApiProblem.notFound("资料不存在");
            }
            Row r = rows.iterator().next();
            return vertx.fileSystem().readFile(Path.of(storageDir).resolve(r.getString(2)).toString())
                    .map(buffer -> new Download(r.getString(0), r.getString(1), buffer.getBytes()));
        });
    }

    private Uni<Void> visible(Caller caller, long activityId) {
        caller.requireRole(Role.DISTRICT_ADMIN, Role.CITY_ADMIN, Role.DEPARTMENT);
        return activities.one(activityId).map(a -> {
            caller.requireRegion(a.regionCode());
            return null;
        });
    }

    /** PDF features that run or open something when the file is viewed. */
    private static final List<String> ACTIVE_PDF = List.of("/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch",
            "/EmbeddedFile", "/RichMedia", "/XFA", "/SubmitForm");

    public static boolean activePdf(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String key : ACTIVE_PDF) {
            int at = text.indexOf(key);
            while (at >= 0) {
                int next = at + key.length();
                // A name ends at a delimiter; "/JSON" is not "/JS".
                if (next >= text.length() || !Character.isLetterOrDigit(text.charAt(next))) {
                    return true;
                }
                at = text.indexOf(key, next);
            }
        }
        return false;
    }

    /** The stored name ends with the extension of the detected type, whatever the uploader called the file. */
    public static String withExtension(String name, String type) {
        String ext = switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "application/pdf" -> ".pdf";
            default -> ".xlsx";
        };
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String result = stem + ext;
        return result.length() > 200 ? result.substring(result.length() - 200) : result;
    }

    /** The type by content: the name a user gives a file proves nothing. */
    public static String contentType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4
                && new String(b, 0, Math.min(b.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1).contains("xl/")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        return null;
    }

    /** The last path segment of an uploaded name without control characters (NUL included); "file" when nothing is left. */
    public static String safeName(String name) {
        String n = name == null ? "" : name.replaceAll("\\p{Cntrl}", "");
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1).trim();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "file";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
