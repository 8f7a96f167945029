package cq.jianxi.notification.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Which SMS sender runs, and the gateway's address and credentials (jianxi.sms.*). */
@ConfigMapping(prefix = "jianxi.sms")
public interface SmsConfig {

    /** outbox (default; messages stay in the database and the log) or http (the city's SMS gateway). */
    @WithDefault("outbox")
    String sender();

    /** The gateway: POST {phone, template, params, text} as JSON with a bearer token. */
    Optional<String> gatewayUrl();

    Optional<String> gatewayToken();

    @WithDefault("PT5S")
    Duration gatewayTimeout();

    /** The outbox also appends "phone<TAB>text" lines here when set (browser tests read their codes from it). */
    Optional<String> outboxFile();

    /** Whether notifications of the changes people wait for are also texted (one-time codes always are). */
    @WithDefault("true")
    boolean notices();

    /** The signature the gateway puts in front of every message. */
    @WithDefault("【重庆就业见习】")
    String signature();
}
