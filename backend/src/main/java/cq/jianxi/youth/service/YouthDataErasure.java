package cq.jianxi.youth.service;

import cq.jianxi.common.privacy.PersonalDataEraser;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The registry's part of a deletion: the phone, school and major, intentions, preferences and hardship
 * category go; the name, ID number (with the birth date and sex it encodes), education, graduation date
 * and district stay, because the subsidy audit checks eligibility against them.
 */
@ApplicationScoped
public class YouthDataErasure implements PersonalDataEraser {

    @Inject
    AppClock clock;

    @Override
    public Uni<String> erase(long youthId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update youth set phone_enc = null, school = null, major = null, internship_intention = false,
                               training_intention = false, preferred_regions = '{}', preferred_categories = '{}',
                               hardship = '{}', updated_at = :now
                        where id = :youth""")
                .setParameter("now", clock.now()).setParameter("youth", youthId).executeUpdate())
                .map(n -> n == 0 ? null : "登记信息：已删除手机号、学校、专业、见习和培训意愿、意向区县和岗位类别、困难类别");
    }
}
