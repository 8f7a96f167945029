package cq.jianxi.youth.service;

import cq.jianxi.common.contact.NotificationPhones;
import cq.jianxi.common.crypto.PersonalDataCipher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A young person's notifications are texted to the phone they registered with. */
@ApplicationScoped
public class YouthNotificationPhones implements NotificationPhones {

    @Inject
    PersonalDataCipher cipher;

    @Override
    public String recipient() {
        return "YOUTH";
    }

    @Override
    public Uni<String> phoneOf(long youthId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select phone_enc from youth where id = :id", String.class)
                        .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).setParameter("id", youthId).getResultList())
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? null : cipher.decrypt(rows.get(0)));
    }
}
