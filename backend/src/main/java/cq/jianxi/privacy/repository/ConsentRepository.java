package cq.jianxi.privacy.repository;

import cq.jianxi.privacy.domain.ConsentKind;
import cq.jianxi.privacy.domain.ConsentRecord;
import cq.jianxi.privacy.domain.ConsentText;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/** Consent records, and the texts they refer to. */
@ApplicationScoped
@WithSession
public class ConsentRepository implements PanacheRepositoryBase<ConsentRecord, Long> {

    /** The version of a kind in force at {@code at}: the latest one effective by then. */
    public Uni<ConsentText> textInForce(ConsentKind kind, OffsetDateTime at) {
        return ConsentText.<ConsentText>find("kind = ?1 and effectiveFrom <= ?2", Sort.descending("effectiveFrom"), kind, at)
                .firstResult();
    }

    public Uni<ConsentText> text(String version) {
        return ConsentText.findById(version);
    }

    public PanacheQuery<ConsentRecord> ofYouth(long youthId) {
        return find("youthId", Sort.descending("acceptedAt", "id"), youthId);
    }

    public Uni<ConsentRecord> existing(long youthId, ConsentKind kind, String version) {
        return find("youthId = ?1 and kind = ?2 and textVersion = ?3", youthId, kind, version).firstResult();
    }
}
