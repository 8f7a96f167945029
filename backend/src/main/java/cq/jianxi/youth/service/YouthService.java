package cq.jianxi.youth.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.Masking;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.validation.ResidentId;
import cq.jianxi.identity.service.AccountService;
import cq.jianxi.youth.domain.Eligibility;
import cq.jianxi.youth.domain.Hardship;
import cq.jianxi.youth.domain.Youth;
import cq.jianxi.youth.repository.YouthRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real-name registry: one record per ID number, encrypted at rest, masked in responses unless
 * the person themself or entitled staff ask for the full value, and every such view is audited.
 */
@ApplicationScoped
public class YouthService {

    @Inject
    ApplicantsOfBases applicants;
    @Inject
    YouthRepository youths;
    @Inject
    YouthProfiles profiles;
    @Inject
    AccountService accounts;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    /** A record as a caller may see it: decrypted values already masked unless full; the groups and category are today's. */
    public record Details(Youth youth, String idNumber, String phone, boolean masked, boolean unemployedGraduate,
                          boolean unemployedYouth, Eligibility.Category category, Integer age) {
    }

    /**
     * The young person's category of {@link Eligibility} on a day, e.g. the day an internship starts;
     * NOT_ELIGIBLE means no internship (and no subsidy) for them. For other contexts.
     */
    @WithSession
    public Uni<Eligibility.Category> categoryOn(long youthId, LocalDate day) {
        return youths.findById(youthId).map(y -> {
            if (y == null) {
                throw ApiProblem.notFound("登记信息不存在");
            }
            return Eligibility.categoryOn(y, day);
        });
    }

    @WithSession
    public Uni<Details> me(Caller caller) {
        caller.requireRole(Role.YOUTH);
        return youths.findById(caller.youthId()).map(y -> {
            if (y == null) {
                throw ApiProblem.notFound("登记信息不存在");
            }
            return details(y, true);
        });
    }

    @WithTransaction
    public Uni<Details> updateMe(Caller caller, YouthProfile profile) {
        caller.requireRole(Role.YOUTH);
        return youths.findById(caller.youthId()).flatMap(y -> {
            if (y == null) {
                throw ApiProblem.notFound("登记信息不存在");
            }
            String current = cipher.decrypt(y.idNumberEncrypted);
            String id = ResidentId.normalize(profile.idNumber());
            Checks checks = profiles.validate(profile, id);
            checks.check(current == null || current.equals(id), "idNumber", "身份证号不能修改，如有错误请联系所在区县人社局");
            checks.throwIfAnyRuleBroken();
            return profiles.checkRegions(profile).map(v -> {
                profiles.apply(y, profile, id);
                return details(y, true);
            }).call(d -> audit.record(caller, AuditAction.YOUTH_UPDATED, "youth", String.valueOf(y.id), null));
        });
    }

    /**
     * One record. Masked unless {@code reveal}; revealing is for the person themself and for city or
     * district staff in scope, and every staff reveal is audited.
     */
    @WithTransaction
    public Uni<Details> get(Caller caller, long id, boolean reveal) {
        return youths.findById(id).flatMap(y -> {
            if (y == null) {
                throw ApiProblem.notFound("登记信息不存在");
            }
            return requireVisible(caller, y).flatMap(v -> {
                if (caller.is(Role.YOUTH)) {
                    return Uni.createFrom().item(details(y, true));
                }
                if (!reveal) {
                    return Uni.createFrom().item(details(y, false));
                }
                caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
                return audit.record(caller, AuditAction.PERSONAL_DATA_VIEWED, "youth", String.valueOf(id), "身份证号、手机号")
                        .replaceWith(() -> details(y, true));
            });
        });
    }

    /** The names of the given people, for other contexts' lists. */
    public Uni<Map<Long, String>> names(Collection<Long> youthIds) {
        if (youthIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return youths.list("id in ?1", Set.copyOf(youthIds)).map(list -> {
            Map<Long, String> names = new HashMap<>();
            list.forEach(y -> names.put(y.id, y.name));
            return names;
        });
    }

    /** The phones of the given people, masked, for other contexts' lists (a base's applicants). */
    public Uni<Map<Long, String>> maskedPhones(Collection<Long> youthIds) {
        if (youthIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return youths.list("id in ?1", Set.copyOf(youthIds)).map(list -> {
            Map<Long, String> phones = new HashMap<>();
            list.forEach(y -> phones.put(y.id, Masking.phone(cipher.decrypt(y.phoneEncrypted))));
            return phones;
        });
    }

    /**
     * The full phone of one person for a caller whose context has a reason to call them (a base its
     * applicant, who was told so when applying). The caller must be able to see the record at all, and the
     * view is audited like every staff reveal (the person themself sees their own unaudited). Must run inside the
     * caller's transaction.
     */
    public Uni<String> revealPhone(Caller caller, long youthId, String purpose) {
        return youths.findById(youthId).flatMap(y -> {
            if (y == null) {
                throw ApiProblem.notFound("登记信息不存在");
            }
            // The person's own number is theirs to see; anyone else's view is audited.
            return requireVisible(caller, y)
                    .flatMap(v -> caller.is(Role.YOUTH) ? Uni.createFrom().voidItem()
                            : audit.record(caller, AuditAction.PERSONAL_DATA_VIEWED, "youth", String.valueOf(youthId),
                            "手机号（" + purpose + "）"))
                    .replaceWith(() -> cipher.decrypt(y.phoneEncrypted));
        });
    }

    /** Hardship flags (困难毕业生) are set by district staff in scope. */
    @WithTransaction
    public Uni<Details> setHardship(Caller caller, long id, List<String> flags) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        Checks checks = new Checks();
        List<String> values = flags == null ? List.of() : flags.stream().distinct().toList();
        for (String f : values) {
            checks.enumValue("hardship", f, Hardship.class, "困难类别");
        }
        checks.throwIfAny();
        return youths.findById(id).flatMap(y -> {
            if (y == null) {
                throw ApiProblem.notFound("登记信息不存在");
            }
            return requireVisible(caller, y).flatMap(v -> {
                y.hardship = values.toArray(String[]::new);
                y.updatedAt = clock.now();
                return audit.record(caller, AuditAction.YOUTH_HARDSHIP_SET, "youth", String.valueOf(id),
                        String.join(",", values)).replaceWith(() -> details(y, false));
            });
        });
    }

    /** Who may see a record at all: the person, district staff of its residence or preferred region, city staff, and bases it applied to. */
    public Uni<Void> requireVisible(Caller caller, Youth y) {
        switch (caller.role()) {
            case YOUTH -> {
                if (!y.id.equals(caller.youthId())) {
                    throw ApiProblem.forbidden("只能查看本人的信息");
                }
                return Uni.createFrom().voidItem();
            }
            case CITY_ADMIN, DEPARTMENT -> {
                return Uni.createFrom().voidItem();
            }
            case DISTRICT_ADMIN -> {
                if (!caller.regionCode().equals(y.regionCode) && !Arrays.asList(y.preferredRegions).contains(caller.regionCode())) {
                    throw ApiProblem.forbidden("该人员不在本区县服务范围内");
                }
                return Uni.createFrom().voidItem();
            }
            case BASE -> {
                return applicants.appliedTo(y.id, caller.baseId()).map(applied -> {
                    if (!applied) {
                        throw ApiProblem.forbidden("只能查看向本基地岗位投递申请的人员");
                    }
                    return null;
                });
            }
            default -> throw ApiProblem.forbidden("无权查看");
        }
    }

    /** The record as one caller sees it: masked unless {@code full}. */
    public Details details(Youth y, boolean full) {
        String id = cipher.decrypt(y.idNumberEncrypted);
        String phone = cipher.decrypt(y.phoneEncrypted);
        LocalDate today = clock.today();
        return new Details(y, full ? id : Masking.idNumber(id), full ? phone : Masking.phone(phone), !full,
                Eligibility.unemployedGraduateOn(y, today), Eligibility.unemployedYouthOn(y, today),
                Eligibility.categoryOn(y, today),
                y.birthDate == null ? null : java.time.Period.between(y.birthDate, today).getYears());
    }
}
