package cq.jianxi.notification.sms;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The adapter for the city's SMS gateway: one JSON POST per message with a bearer token. A refusal or
 * timeout fails the send, so the caller's request reports that no code was sent rather than pretending.
 */
@ApplicationScoped
public class HttpSmsSender {

    private static final Logger LOG = Logger.getLogger(HttpSmsSender.class);

    @Inject
    Vertx vertx;
    @Inject
    SmsConfig config;

    private volatile WebClient client;

    public Uni<Void> send(SmsMessage message) {
        String url = config.gatewayUrl().orElseThrow(() -> new IllegalStateException("jianxi.sms.gateway-url is not set"));
        JsonObject body = new JsonObject()
                .put("phone", message.phone())
                .put("template", message.template())
                .put("params", new JsonObject(new java.util.HashMap<>(message.params())))
                .put("text", config.signature() + message.text());
        var request = client().postAbs(url).timeout(config.gatewayTimeout().toMillis());
        config.gatewayToken().ifPresent(token -> request.bearerTokenAuthentication(token));
        return request.sendJsonObject(body).map(response -> {
            if (response.statusCode() / 100 != 2) {
                LOG.warnf("SMS gateway refused a %s message: HTTP %d", message.template(), response.statusCode());
                throw new SmsFailure("SMS gateway answered " + response.statusCode());
            }
            return null;
        }).replaceWithVoid();
    }

    private WebClient client() {
        WebClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = WebClient.create(vertx);
                }
                current = client;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** The gateway did not accept a message. */
    public static class SmsFailure extends RuntimeException {
        public SmsFailure(String message) {
            super(message);
        }
    }
}
