package cq.jianxi.common.security;

import cq.jianxi.common.problem.ApiProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the Caller of the current request from the verified token's claims. */
@RequestScoped
public class CallerProvider {

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    @Inject
    io.quarkus.security.identity.CurrentIdentityAssociation association;

    /**
     * The caller of a public endpoint, or null when anonymous. Resolves the token without blocking, so
     * public endpoints can still recognise a signed-in user.
     */
    public io.smallrye.mutiny.Uni<Caller> optional() {
        return association.getDeferredIdentity().map(id -> id.isAnonymous() ? null : fromIdentity(id));
    }

    public Caller current() {
        return fromIdentity(identity);
    }

    /** Whether the caller's session may only change the password (expired or administrator-reset). */
    public boolean restricted() {
        return Boolean.TRUE.equals(identity.getAttribute(Caller.RESTRICTED_SESSION));
    }

    /** What a restricted session may still do: see who it is, change the password, renew, log out. */
    private static final java.util.Set<String> OPEN_TO_RESTRICTED = java.util.Set.of(
            "/api/me", "/api/auth/password", "/api/auth/refresh", "/api/auth/logout");

    private Caller fromIdentity(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw ApiProblem.unauthorized("请先登录");
        }
        if (Boolean.TRUE.equals(identity.getAttribute(Caller.RESTRICTED_SESSION))
                && (routing == null || !OPEN_TO_RESTRICTED.contains(routing.normalizedPath()))) {
            throw new ApiProblem(403, "urn:jianxi:problem:password-change-required", "须先修改密码",
                    "密码已过期或已被管理员重置，请先修改密码", null, null);
        }
        Role role = null;
        for (Role candidate : Role.values()) {
            if (identity.hasRole(candidate.name())) {
                role = candidate;
                break;
            }
        }
        if (role == null) {
            throw ApiProblem.forbidden("令牌中没有可识别的角色");
        }
        String subject = jwt.getSubject();
        String username = firstNonNull(claimText(jwt, "upn"), claimText(jwt, "preferred_username"), subject);
        return new Caller(subject, parseLong(subject), username,
                firstNonNull(claimText(jwt, "name"), username),
                role,
                claimText(jwt, "regionCode"),
                claimText(jwt, "departmentCode"),
                parseLong(claimText(jwt, "baseId")),
                parseLong(claimText(jwt, "youthId")),
                claimText(jwt, "sid"),
                clientIp());
    }

    /** The client address, also for anonymous calls such as login. */
    public String clientIp() {
        return addressOf(routing);
    }

    /** The client address of a request (the proxy's X-Forwarded-For when configured to trust it). */
    public static String addressOf(RoutingContext routing) {
        return routing == null || routing.request().remoteAddress() == null ? null : routing.request().remoteAddress().host();
    }

    private static String claimText(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof jakarta.json.JsonString text) {
            return text.getString();
        }
        return value == null ? null : value.toString();
    }

    private static Long parseLong(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
