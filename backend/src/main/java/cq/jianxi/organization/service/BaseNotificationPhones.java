package cq.jianxi.organization.service;

import cq.jianxi.common.contact.NotificationPhones;
import cq.jianxi.common.crypto.PersonalDataCipher;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A base's notifications are texted to the contact phone of its filing. */
@ApplicationScoped
public class BaseNotificationPhones implements NotificationPhones {

    @Inject
    PersonalDataCipher cipher;

    @Override
    public String recipient() {
        return "BASE";
    }

    @Override
    public Uni<String> phoneOf(long baseId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select contact_phone_enc from base where id = :id", String.class)
                        .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).setParameter("id", baseId).getResultList())
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? null : cipher.decrypt(rows.get(0)));
    }
}
