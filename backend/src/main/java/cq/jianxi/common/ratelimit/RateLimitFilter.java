package cq.jianxi.common.ratelimit;

import cq.jianxi.common.security.CallerProvider;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Applies {@link RateLimited} before the resource method runs: per account when signed in, else per address. */
public class RateLimitFilter {

    @Inject
    RateLimiter limiter;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    RoutingContext routing;

    @ServerRequestFilter
    public Uni<Void> limit(ResourceInfo resource) {
        RateLimited annotation = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (annotation == null) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> {
                    boolean signedIn = identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken;
                    if (signedIn && annotation.anonymousOnly()) {
                        return null;
                    }
                    String key = signedIn ? "user:" + ((JsonWebToken) identity.getPrincipal()).getSubject()
                            : "ip:" + CallerProvider.addressOf(routing);
                    limiter.consume(annotation.value(), key);
                    return null;
                });
    }
}
