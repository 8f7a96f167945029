package cq.jianxi.youth.service;

import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.validation.ResidentId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;

/**
 * Real-name records that district staff create for people they served outside the platform (history
 * brought from the previous system): found by the keyed hash of the ID number, or registered with
 * what the staff know. An existing record is never overwritten.
 */
@ApplicationScoped
public class YouthEnrolment {

    @Inject
    PersonalDataCipher cipher;
    @Inject
    AppClock clock;

    /** What staff know of a person. */
    public record Known(String name, String idNumber, String regionCode, String education, LocalDate graduationDate) {
    }

    /** The person's registry id, registering them (source STAFF) when they are not in the registry yet. */
    public Uni<Long> findOrRegister(Known k) {
        String id = ResidentId.normalize(k.idNumber());
        String problem = ResidentId.problem(id, clock.today());
        if (problem != null) {
            throw ApiProblem.invalidField("idNumber", problem);
        }
        String hash = cipher.lookupHash(id);
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select id from youth where id_number_hash = :hash", Long.class)
                .setParameter("hash", hash).getSingleResultOrNull()
                .flatMap(existing -> existing != null ? Uni.createFrom().item(existing) : s.createNativeQuery("""
                                insert into youth (name, id_number_enc, id_number_hash, birth_date, sex, region_code, education,
                                                   graduation_date, current_status, source, created_at, updated_at)
                                values (:name, :enc, :hash, :birth, :sex, :region, :education, :graduation, 'UNEMPLOYED', 'STAFF', :at, :at)
                                returning id""", Long.class)
                        .setParameter("name", k.name()).setParameter("enc", cipher.encrypt(id)).setParameter("hash", hash)
                        .setParameter("birth", ResidentId.birthDate(id)).setParameter("sex", ResidentId.sex(id))
                        .setParameter("region", k.regionCode()).setParameter("education", k.education())
                        .setParameter("graduation", k.graduationDate()).setParameter("at", clock.now()).getSingleResult()));
    }
}
