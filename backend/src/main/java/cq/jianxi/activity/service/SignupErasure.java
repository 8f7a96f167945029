package cq.jianxi.activity.service;

import cq.jianxi.common.privacy.PersonalDataEraser;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * On deletion, sign-ups for activities still to come are withdrawn. Sign-ups for activities already held
 * stay: they are the participants Annex 5 counts, and a report once submitted must not drift.
 */
@ApplicationScoped
public class SignupErasure implements PersonalDataEraser {

    @Inject
    AppClock clock;

    @Override
    public Uni<String> erase(long youthId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                                delete from activity_signup g using activity a
                                where g.activity_id = a.id and g.youth_id = :youth and a.held_on > :today""")
                        .setParameter("youth", youthId).setParameter("today", clock.today()).executeUpdate())
                .map(n -> n == 0 ? null : "活动报名：已撤回 " + n + " 个尚未举办活动的报名");
    }
}
