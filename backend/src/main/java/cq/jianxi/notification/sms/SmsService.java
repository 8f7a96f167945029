package cq.jianxi.notification.sms;

import cq.jianxi.common.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Sends text messages through the configured sender ({@link SmsConfig#sender()}). */
@ApplicationScoped
public class SmsService implements SmsSender {

    @Inject
    SmsConfig config;
    @Inject
    OutboxSmsSender outbox;
    @Inject
    HttpSmsSender gateway;

    @Override
    public Uni<Void> send(SmsMessage message) {
        if ("http".equalsIgnoreCase(config.sender())) {
            return gateway.send(message).onFailure().transform(e ->
                    new ApiProblem(503, "urn:jianxi:problem:sms-unavailable", "短信服务暂不可用",
                            "短信发送失败，请稍后再试", null, 60L));
        }
        return outbox.send(message);
    }

    /** Whether messages only reach the outbox (demo and tests), for the prod guard. */
    public boolean outboxOnly() {
        return !"http".equalsIgnoreCase(config.sender());
    }
}
