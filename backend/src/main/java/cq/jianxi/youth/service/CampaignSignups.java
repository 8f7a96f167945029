package cq.jianxi.youth.service;

import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts a registration for the 团市委 campaign whose share link brought the person in. Runs inside the
 * registration's transaction and only after an account was opened (a new registration or a proved roster
 * claim). A code that names no campaign, or one not running today, writes nothing and says nothing: the
 * anonymous registering person never learns which codes exist, and never changes an existing sign-up.
 */
@ApplicationScoped
public class CampaignSignups {

    /** The shape of the codes {@link MobilisationCampaigns} hands out. */
    static final String CODE = "^[A-Za-z0-9_-]{16,32}$";

    @Inject
    AppClock clock;

    public Uni<Void> record(String campaign, long youthId) {
        if (campaign == null || !campaign.trim().matches(CODE)) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into campaign_signup (youth_id, campaign_id, signed_up_at)
                        select :youth, c.id, :at from mobilisation_campaign c
                        where c.code = :code and :today between c.starts_on and c.ends_on
                        on conflict (youth_id) do nothing""")
                .setParameter("youth", youthId)
                .setParameter("at", clock.now())
                .setParameter("code", campaign.trim())
                .setParameter("today", clock.today())
                .executeUpdate()).replaceWithVoid();
    }
}
