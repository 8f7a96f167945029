package cq.jianxi.notification.sms;

import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps messages in sms_outbox and logs them, so a demo or test can read the code it was sent. Never the
 * sender of a real deployment: the prod guard refuses it unless demo data is on.
 */
@ApplicationScoped
public class OutboxSmsSender {

    private static final Logger LOG = Logger.getLogger(OutboxSmsSender.class);

    @Inject
    PersonalDataCipher cipher;
    @Inject
    AppClock clock;
    @Inject
    SmsConfig config;
    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    public Uni<Void> send(SmsMessage message) {
        LOG.infof("短信发件箱 → %s：%s", mask(message.phone()), message.text());
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into sms_outbox (phone_enc, phone_hash, template, body, created_at)
                        values (:enc, :hash, :template, :body, :at)""")
                .setParameter("enc", cipher.encrypt(message.phone()))
                .setParameter("hash", cipher.lookupHash(message.phone()))
                .setParameter("template", message.template())
                .setParameter("body", message.text())
                .setParameter("at", clock.now())
                .executeUpdate()).replaceWithVoid()
                .call(() -> config.outboxFile().map(file -> vertx.executeBlocking(Uni.createFrom().item(() -> {
                    try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(file),
                                message.phone() + "\t" + message.text() + "\n", java.nio.charset.StandardCharsets.UTF_8,
                                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    } catch (java.io.IOException e) {
                        LOG.warnf("Could not append to the SMS outbox file %s: %s", file, e.getMessage());
                    }
                    return null;
                })).replaceWithVoid()).orElse(Uni.createFrom().voidItem()));
    }

    static String mask(String phone) {
        return phone == null || phone.length() < 7 ? "***" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
