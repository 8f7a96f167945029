package cq.jianxi.matching.service;

import cq.jianxi.common.privacy.PersonalDataEraser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Service records count towards the service rate and stay; the staff's free-text notes about the person
 * are erased on deletion.
 */
@ApplicationScoped
public class ServiceNoteErasure implements PersonalDataEraser {

    @Override
    public Uni<String> erase(long youthId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "update service_record set note = null where youth_id = :youth and note is not null")
                        .setParameter("youth", youthId).executeUpdate())
                .map(n -> n == 0 ? null : "服务记录：已删除 " + n + " 条备注");
    }
}
