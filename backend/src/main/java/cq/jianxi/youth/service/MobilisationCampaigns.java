package cq.jianxi.youth.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;

/** 团市委's mobilisation campaigns: each has an unguessable code for its share link. */
@ApplicationScoped
public class MobilisationCampaigns {

    /** The department that mobilises young people (共青团重庆市委). */
    public static final String YOUTH_LEAGUE = "TSW";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AppClock clock;
    @Inject
    AuditService audit;

    /** A campaign as created. */
    public record Campaign(long id, String code, String title, String description, LocalDate startsOn, LocalDate endsOn,
                           String createdBy, OffsetDateTime createdAt) {
    }

    /** Only 团市委's users create campaigns; it may not end before today nor last more than a year. */
    @WithTransaction
    public Uni<Campaign> create(Caller caller, String title, String description, LocalDate startsOn, LocalDate endsOn) {
        requireYouthLeague(caller);
        Checks checks = new Checks();
        checks.notBlank("title", title, 100, "活动名称");
        checks.check(description == null || description.length() <= 1000, "description", "活动说明不超过 1000 字");
        checks.check(startsOn != null, "startsOn", "请填写开始日期");
        checks.check(endsOn != null, "endsOn", "请填写结束日期");
        checks.throwIfAny();
        if (endsOn.isBefore(startsOn)) {
            throw ApiProblem.invalidField("endsOn", "结束日期不能早于开始日期");
        }
        if (endsOn.isBefore(clock.today())) {
            throw ApiProblem.invalidField("endsOn", "结束日期不能早于今天");
        }
        if (endsOn.isAfter(startsOn.plusYears(1))) {
            throw ApiProblem.invalidField("endsOn", "活动期不超过一年");
        }
        String code = newCode();
        OffsetDateTime now = clock.now();
        String text = description == null ? "" : description.trim();
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into mobilisation_campaign (code, title, description, starts_on, ends_on, created_by, created_at)
                        values (:code, :title, :description, :starts, :ends, :by, :at) returning id""", Long.class)
                        .setParameter("code", code).setParameter("title", title.trim()).setParameter("description", text)
                        .setParameter("starts", startsOn).setParameter("ends", endsOn)
                        .setParameter("by", caller.username()).setParameter("at", now)
                        .getSingleResult())
                .flatMap(id -> audit.record(caller, AuditAction.CAMPAIGN_CREATED, "mobilisation_campaign", String.valueOf(id), title.trim())
                        .replaceWith(new Campaign(id, code, title.trim(), text, startsOn, endsOn, caller.username(), now)));
    }

    /** 团市委's own users; everyone else is refused (the city bureau reads the campaigns, it does not run them). */
    public static void requireYouthLeague(Caller caller) {
        caller.requireRole(Role.DEPARTMENT);
        if (!YOUTH_LEAGUE.equals(caller.departmentCode())) {
            throw ApiProblem.forbidden("青年动员活动由团市委创建");
        }
    }

    /** 18 random bytes, URL-safe: 24 characters nobody can guess. */
    static String newCode() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
