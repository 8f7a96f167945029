package cq.jianxi.notification.service;

import cq.jianxi.common.privacy.PersonalDataEraser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Notifications to a young person announce changes recorded elsewhere; on deletion they all go. */
@ApplicationScoped
public class NotificationErasure implements PersonalDataEraser {

    @Override
    public Uni<String> erase(long youthId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("delete from notification where youth_id = :youth")
                        .setParameter("youth", youthId).executeUpdate())
                .map(n -> n == 0 ? null : "消息：已删除 " + n + " 条");
    }
}
