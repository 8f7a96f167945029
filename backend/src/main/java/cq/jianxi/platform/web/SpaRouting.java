package cq.jianxi.platform.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** History-mode routes of the SPA (/admin/..., /youth/...) are served index.html; the API is left alone. */
@ApplicationScoped
public class SpaRouting {

    void install(@Observes Router router) {
        router.get("/*").order(-1).handler(rc -> {
            String path = rc.normalizedPath();
            if (isClientRoute(path)) {
                rc.reroute("/index.html");
            } else {
                rc.next();
            }
        });
    }

    static boolean isClientRoute(String path) {
        if (path.equals("/") || path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/")
                || path.equals("/q")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
