package cq.jianxi.privacy.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.privacy.domain.ConsentKind;
import cq.jianxi.privacy.domain.ConsentRecord;
import cq.jianxi.privacy.domain.ConsentText;
import cq.jianxi.privacy.repository.ConsentRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Separate consent to processing sensitive personal information (PIPL art. 29): the text in force, and
 * the record of who agreed to which version, when and from where. Registration records the consent inside
 * its own transaction, so nobody is registered without it.
 */
@ApplicationScoped
public class ConsentService {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    ConsentRepository consents;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    /** The text in force now, which registration must show. */
    @WithSession
    public Uni<ConsentText> current() {
        return consents.textInForce(ConsentKind.SENSITIVE_PERSONAL_INFO, clock.now()).map(t -> {
            if (t == null) {
                throw ApiProblem.notFound("当前没有生效的同意书文本");
            }
            return t;
        });
    }

    /** Any version, for reading again what was agreed to. */
    @WithSession
    public Uni<ConsentText> text(String version) {
        return consents.text(version).map(t -> {
            if (t == null) {
                throw ApiProblem.notFound("同意书版本不存在");
            }
            return t;
        });
    }

    /**
     * Records the consent given on the registration form. Must run inside the registration's transaction
     * (after the account exists); refuses, naming the field consentVersion, any version but the one in
     * force, so nobody is registered on a text they were not shown. Agreeing to the same version twice
     * records it once.
     */
    public Uni<ConsentRecord> recordAtRegistration(long youthId, long userId, String textVersion, String ip) {
        String version = textVersion == null ? null : textVersion.trim();
        new Checks().check(version != null && !version.isEmpty(), "consentVersion", "请阅读并同意《敏感个人信息处理单独同意书》")
                .throwIfAny();
        return consents.textInForce(ConsentKind.SENSITIVE_PERSONAL_INFO, clock.now()).flatMap(current -> {
            if (current == null || !current.version.equals(version)) {
                throw ApiProblem.invalidField("consentVersion", "同意书已更新，请重新阅读并同意当前版本");
            }
            return consents.existing(youthId, current.kind, version);
        }).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            ConsentRecord c = new ConsentRecord();
            c.youthId = youthId;
            c.userId = userId;
            c.kind = ConsentKind.SENSITIVE_PERSONAL_INFO;
            c.textVersion = version;
            c.acceptedAt = clock.now();
            c.ip = ip;
            return consents.persist(c).call(saved -> audit.record(userId, null, Role.YOUTH.name(), ip,
                    AuditAction.CONSENT_GIVEN, "youth", String.valueOf(youthId), "同意书版本 " + version));
        });
    }

    /** A page of the consents a young person gave, newest first, with the titles of their texts. */
    @WithSession
    public Uni<Page> mine(Caller caller, int page, int size) {
        caller.requireRole(Role.YOUTH);
        new Checks().page(page, size, MAX_PAGE_SIZE).throwIfAny();
        var query = consents.ofYouth(caller.youthId());
        return query.page(page, size).list().flatMap(items -> query.count().flatMap(total -> ConsentText.<ConsentText>listAll()
                .map(texts -> new Page(items, texts.stream().collect(Collectors.toMap(t -> t.version, t -> t.title)), total, page, size))));
    }

    /** One page of consent records with the title of each version. */
    public record Page(List<ConsentRecord> items, Map<String, String> titles, long total, int page, int size) {
    }
}
