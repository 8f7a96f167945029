package cq.jianxi.identity.service;

import cq.jianxi.identity.domain.CodePurpose;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The one-time codes a registration proves its phone with (the registration itself is the youth context's). */
@ApplicationScoped
public class RegistrationCodes {

    @Inject
    OneTimeCodes codes;

    @WithTransaction
    public Uni<Void> sendForRegistration(String phone, String ip) {
        return codes.send(CodePurpose.REGISTRATION, phone);
    }

    /** Own transaction: call before the registration's transaction, never inside it. */
    public Uni<Boolean> verify(String phone, String code) {
        return codes.verify(CodePurpose.REGISTRATION, phone, code);
    }
}
