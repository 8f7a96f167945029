package cq.jianxi.application.service;

import cq.jianxi.common.privacy.PersonalDataEraser;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * On deletion, applications still in progress are withdrawn so no base goes on handling someone who has
 * left; accepted ones stay, as the start of an internship the subsidy audit looks at.
 */
@ApplicationScoped
public class ApplicationErasure implements PersonalDataEraser {

    @Inject
    AppClock clock;

    @Override
    public Uni<String> erase(long youthId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update application set status = 'WITHDRAWN', updated_at = :now
                        where youth_id = :youth and status in ('SUBMITTED', 'SCREENING', 'INTERVIEW', 'OFFERED')""")
                        .setParameter("now", clock.now()).setParameter("youth", youthId).executeUpdate())
                .map(n -> n == 0 ? null : "见习申请：已撤回 " + n + " 份进行中的申请");
    }
}
