package cq.jianxi.privacy.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.privacy.readmodel.PersonalData;
import cq.jianxi.privacy.readmodel.PersonalDataReadModel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A young person's download of their own data (PIPL art. 45). Only ever their own: the id comes from
 * their token, never from the request. The download is audited first, so it appears in itself.
 */
@ApplicationScoped
public class DataExportService {

    @Inject
    PersonalDataReadModel readModel;
    @Inject
    AuditService audit;

    public Uni<PersonalData> export(Caller caller) {
        caller.requireRole(Role.YOUTH);
        long youthId = caller.youthId();
        return Panache.withTransaction(() -> audit.record(caller, AuditAction.PERSONAL_DATA_EXPORTED, "youth",
                        String.valueOf(youthId), null))
                .flatMap(v -> readModel.export(youthId));
    }
}
