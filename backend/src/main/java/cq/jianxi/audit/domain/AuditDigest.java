package cq.jianxi.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical serialisation of an audit row and its SHA-256, computed here independently of the
 * database's audit_event_digest() (migration V19) so that verification does not trust code stored in the
 * database it checks. Each field is "&lt;UTF-8 byte length&gt;:&lt;text&gt;|", or "-|" for null, so no two rows
 * serialise alike; timestamps are UTC with microseconds, as PostgreSQL stores them.
 */
public final class AuditDigest {

    /** The link of the first row ever written. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "jianxi-audit-v1|";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private AuditDigest() {
    }

    public static String of(ChainRow r) {
        StringBuilder b = new StringBuilder(256).append(VERSION);
        field(b, Long.toString(r.seq()));
        field(b, Long.toString(r.id()));
        field(b, r.at() == null ? null : AT.format(r.at().withOffsetSameInstant(ZoneOffset.UTC)));
        field(b, r.actorUserId() == null ? null : Long.toString(r.actorUserId()));
        field(b, r.actorUsername());
        field(b, r.actorRole());
        field(b, r.action());
        field(b, r.targetType());
        field(b, r.targetId());
        field(b, r.detail());
        field(b, r.ip());
        field(b, r.prevHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append('-');
        } else {
            b.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        b.append('|');
    }
}
