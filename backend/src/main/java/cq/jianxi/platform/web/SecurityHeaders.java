package cq.jianxi.platform.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Browser security and caching headers on every response (API, SPA, assets, /q): the SPA runs under a
 * Content-Security-Policy without inline script, nothing may frame it, and no response carrying personal
 * data is kept in a browser or proxy cache. See docs/adr/0011-browser-security-and-prod-guard.md.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * The SPA's policy; scripts never run inline. Style attributes stay allowed ('unsafe-inline' in
     * style-src) because ECharts writes its tooltips as markup with style attributes (checked: with
     * style-src 'self' every tooltip is a style-src-attr violation); style elements are not (style-src-elem
     * 'self': the build ships all CSS as files), so injected markup cannot bring its own stylesheet. Vant's
     * icon font and Element Plus' icons are data: URLs; downloads are blob: URLs.
     */
    static final String APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "style-src-elem 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Quarkus' Swagger UI page starts itself with an inline script, so its own path alone allows one. */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String HSTS = "max-age=31536000";
    static final String NO_STORE = "no-store";
    static final String REVALIDATE = "no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    void install(@Observes Router router) {
        // Before the SPA fallback (order -1) and every other route, so rerouted and failed requests get them too.
        router.route().order(-100).handler(this::apply);
    }

    private void apply(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean tls = arrivedOverTls(rc.request());
        // Set when the headers go out, after the static handler's own Cache-Control, so ours is the one sent.
        rc.addHeadersEndHandler(v -> {
            MultiMap out = rc.response().headers();
            headersFor(path, tls, rc.response().getStatusCode()).forEach(out::set);
        });
        rc.next();
    }

    /**
     * Directly over TLS, or, with quarkus.http.proxy.* trusting the proxy (JIANXI_BEHIND_PROXY), an
     * X-Forwarded-Proto of https: Quarkus then reports the forwarded scheme. A client's own
     * X-Forwarded-Proto is ignored when the proxy is not trusted.
     */
    static boolean arrivedOverTls(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.scheme());
    }

    /** The headers of one response, by path, transport and status. */
    static Map<String, String> headersFor(String path, boolean tls, int status) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", isSwaggerUi(path) ? SWAGGER_POLICY : APP_POLICY);
        h.put("X-Frame-Options", "DENY");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        if (tls) {
            h.put("Strict-Transport-Security", HSTS);
        }
        h.put("Cache-Control", cacheControl(path, status));
        return h;
    }

    /**
     * Every API and /q response is no-store: nearly all carry personal or scoped data, and the few public
     * reference lists are small enough not to be worth a per-endpoint exception. Vite's hashed assets never
     * change under their name; index.html and the history-mode routes must be revalidated so a release is
     * picked up at once.
     */
    static String cacheControl(String path, int status) {
        if (path.equals("/api") || path.startsWith("/api/") || path.equals("/q") || path.startsWith("/q/")) {
            return NO_STORE;
        }
        if (path.startsWith("/assets/") && (status == 200 || status == 304)) {
            return IMMUTABLE;
        }
        return REVALIDATE;
    }

    static boolean isSwaggerUi(String path) {
        return path.equals("/q/swagger-ui") || path.startsWith("/q/swagger-ui/");
    }
}
