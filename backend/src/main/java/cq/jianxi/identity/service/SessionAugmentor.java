package cq.jianxi.identity.service;

import cq.jianxi.common.time.AppClock;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import cq.jianxi.common.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Makes a built-in token valid only while its session lives: a signature check alone would let a
 * logged-out or idle session's token work until it expires. Requests also count as activity.
 */
@ApplicationScoped
public class SessionAugmentor implements SecurityIdentityAugmentor {

    @jakarta.inject.Inject
    AppClock clock;

    /** Touching last_seen_at on every request would write on every read; once a minute is enough. */
    private static final long TOUCH_AFTER_SECONDS = 60;

    @Inject
    Pool pool;

    @Inject
    AuthConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Object claim = jwt.getClaim("sid");
        if (claim == null || !config.embedded()) {
            return Uni.createFrom().item(identity);
        }
        UUID sid;
        try {
            sid = UUID.fromString(claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed session id"));
        }
        OffsetDateTime now = clock.now();
        return pool.preparedQuery("select last_seen_at, expires_at, revoked_at, restricted from auth_session where id = $1")
                .execute(Tuple.of(sid))
                .flatMap(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return Uni.createFrom().failure(new AuthenticationFailedException("unknown session"));
                    }
                    Row row = it.next();
                    OffsetDateTime lastSeen = row.getOffsetDateTime("last_seen_at");
                    if (row.getOffsetDateTime("revoked_at") != null
                            || !row.getOffsetDateTime("expires_at").isAfter(now)
                            || !lastSeen.plus(config.idleTimeout()).isAfter(now)) {
                        return Uni.createFrom().failure(new AuthenticationFailedException("session ended"));
                    }
                    SecurityIdentity result = Boolean.TRUE.equals(row.getBoolean("restricted"))
                            ? QuarkusSecurityIdentity.builder(identity).addAttribute(Caller.RESTRICTED_SESSION, Boolean.TRUE).build()
                            : identity;
                    if (lastSeen.plusSeconds(TOUCH_AFTER_SECONDS).isAfter(now)) {
                        return Uni.createFrom().item(result);
                    }
                    return pool.preparedQuery("update auth_session set last_seen_at = $2 where id = $1")
                            .execute(Tuple.of(sid, now))
                            .replaceWith(result);
                });
    }
}
