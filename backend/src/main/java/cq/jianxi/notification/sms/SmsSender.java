package cq.jianxi.notification.sms;

import io.smallrye.mutiny.Uni;

/**
 * Delivers text messages. Two implementations, chosen by {@code jianxi.sms.sender}: the outbox (kept in
 * the database and logged, for {@code make run} and tests) and the city SMS gateway over HTTP (prod).
 */
public interface SmsSender {

    /** May run inside the caller's transaction (the outbox writes in it). */
    Uni<Void> send(SmsMessage message);
}
