package cq.jianxi.youth.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.crypto.Masking;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.validation.ResidentId;
import cq.jianxi.identity.service.AccountService;
import cq.jianxi.region.repository.RegionRepository;
import cq.jianxi.youth.domain.CurrentStatus;
import cq.jianxi.youth.domain.EducationLevel;
import cq.jianxi.youth.domain.Hardship;
import cq.jianxi.youth.domain.Youth;
import cq.jianxi.youth.domain.YouthCategories;
import cq.jianxi.youth.repository.YouthRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real-name registry: one record per ID number, encrypted at rest, masked in responses unless
 * the person themself or entitled staff ask for the full value, and every such view is audited.
 */
@ApplicationScoped
public class YouthService {

    public static final ZoneId CHONGQING = ZoneId.of("Asia/Shanghai");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Set<String> CATEGORIES = Set.of("RESEARCH", "TECHNICAL", "SOCIAL_SERVICE", "MANAGEMENT", "OTHER");

    @Inject
    YouthRepository youths;
    @Inject
    RegionRepository regions;
    @Inject
    AccountService accounts;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    AuditService audit;

    /** A record as a caller may see it: decrypted values already masked unless full. */
    public record Details(Youth youth, String idNumber, String phone, boolean masked, boolean unemployedGraduate,
                          boolean unemployedYouth) {
    }

    /** A page of records (always masked). */
    public record Page(List<Details> items, long total, int page, int size) {
    }

    public static LocalDate today() {
        return LocalDate.now(CHONGQING);
    }

    /**
     * Public registration: validates the profile, creates (or claims a roster-created) record and the
     * YOUTH account in one transaction.
     */
    @WithTransaction
    public Uni<Details> register(YouthProfile profile, String username, String password, String ip) {
        String id = ResidentId.normalize(profile.idNumber());
        Checks checks = validate(profile, id);
        checks.notBlank("username", username, 64, "用户名");
        checks.throwIfAny();
        accounts.validate("username", username.trim(), "password", password);
        String hash = cipher.lookupHash(id);
        return checkRegions(profile).flatMap(v -> youths.findByIdNumberHashForUpdate(hash)).flatMap(existing -> {
            Uni<Youth> record;
            if (existing != null) {
                record = Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "select count(*) from user_account where youth_id = :id", Long.class)
                        .setParameter("id", existing.id).getSingleResult()).map(count -> {
                    if (count > 0) {
                        throw ApiProblem.invalidField("idNumber", "该身份证号已注册，请直接登录");
                    }
                    if (!existing.name.equals(profile.name().trim())) {
                        throw ApiProblem.invalidField("name", "姓名与登记信息不一致");
                    }
                    apply(existing, profile, id);
                    return existing;
                });
            } else {
                Youth y = new Youth();
                y.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                y.source = "SELF";
                apply(y, profile, id);
                record = youths.persist(y);
            }
            return record.flatMap(y -> accounts.createScoped("username", username.trim(), password, y.name,
                            Role.YOUTH, null, null, y.id)
                    .flatMap(account -> audit.record(account.id, account.username, Role.YOUTH.name(), ip,
                            AuditAction.YOUTH_REGISTERED, "youth", String.valueOf(y.id), null))
                    .replaceWith(() -> details(y, true)));
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
            Checks checks = validate(profile, id);
            checks.check(current == null || current.equals(id), "idNumber", "身份证号不能修改，如有错误请联系所在区县人社局");
            checks.throwIfAny();
            return checkRegions(profile).map(v -> {
                apply(y, profile, id);
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

    /** Staff search of the registry; results are masked. */
    @WithSession
    public Uni<Page> search(Caller caller, String keyword, String regionCode, String category, Boolean intention,
                            int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        Checks checks = new Checks();
        checks.page(page, size, 200);
        checks.check(category == null || category.isBlank() || Set.of("UNEMPLOYED_GRADUATE", "UNEMPLOYED_YOUTH").contains(category),
                "category", "人员类别取值不正确：" + category);
        checks.throwIfAny();
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (caller.is(Role.DISTRICT_ADMIN)) {
            if (regionCode != null && !regionCode.isBlank()) {
                caller.requireRegion(regionCode);
            }
            where.append(" and (regionCode = :mine or array_contains(preferredRegions, :mine))");
            params.and("mine", caller.regionCode());
        } else if (regionCode != null && !regionCode.isBlank()) {
            where.append(" and regionCode = :region");
            params.and("region", regionCode.trim());
        }
        if (keyword != null && !keyword.isBlank()) {
            where.append(" and name like :kw");
            params.and("kw", "%" + keyword.trim().replace("%", "").replace("_", "") + "%");
        }
        if (intention != null) {
            where.append(" and internshipIntention = :intention");
            params.and("intention", intention);
        }
        LocalDate today = today();
        if ("UNEMPLOYED_GRADUATE".equals(category)) {
            where.append(" and education <> :secondary and graduationDate <= :today and graduationDate > :twoYearsAgo"
                    + " and currentStatus = :unemployed");
            params.and("secondary", EducationLevel.SECONDARY).and("today", today)
                    .and("twoYearsAgo", today.minusYears(2)).and("unemployed", CurrentStatus.UNEMPLOYED);
        } else if ("UNEMPLOYED_YOUTH".equals(category)) {
            where.append(" and birthDate <= :sixteen and birthDate > :twentyFive and currentStatus = :unemployed");
            params.and("sixteen", today.minusYears(16)).and("twentyFive", today.minusYears(25))
                    .and("unemployed", CurrentStatus.UNEMPLOYED);
        }
        var query = youths.find(where.toString(), Sort.descending("updatedAt", "id"), params);
        return query.page(page, size).list().flatMap(list -> query.count()
                .map(total -> new Page(list.stream().map(y -> details(y, false)).toList(), total, page, size)));
    }

    /** Registry counts for the caller's scope: how many want an internship or training. */
    public record Statistics(long total, long unemployedGraduates, long internshipIntention, long trainingIntention,
                             long unemployedGraduatesWithIntention, long fromRoster) {
    }

    @WithSession
    public Uni<Statistics> statistics(Caller caller) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        String region = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        LocalDate today = today();
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select count(*),
                               count(*) filter (where g),
                               count(*) filter (where internship_intention),
                               count(*) filter (where training_intention),
                               count(*) filter (where g and internship_intention),
                               count(*) filter (where source = 'ROSTER')
                        from (select y.*, (y.education in ('JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR')
                                          and y.graduation_date <= :today and y.graduation_date > :twoYearsAgo
                                          and y.current_status = 'UNEMPLOYED') as g
                              from youth y
                              where cast(:region as varchar) is null or y.region_code = :region
                                 or :region = any(y.preferred_regions)) x""", Object[].class)
                .setParameter("today", today).setParameter("twoYearsAgo", today.minusYears(2)).setParameter("region", region)
                .getSingleResult()).map(r -> new Statistics(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5])));
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
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
                y.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
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
                return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                                select count(*) from application a join position p on p.id = a.position_id
                                where a.youth_id = :youth and p.base_id = :base""", Long.class)
                        .setParameter("youth", y.id).setParameter("base", caller.baseId()).getSingleResult()).map(n -> {
                    if (n == 0) {
                        throw ApiProblem.forbidden("只能查看向本基地岗位投递申请的人员");
                    }
                    return null;
                });
            }
            default -> throw ApiProblem.forbidden("无权查看");
        }
    }

    public Details details(Youth y, boolean full) {
        String id = cipher.decrypt(y.idNumberEncrypted);
        String phone = cipher.decrypt(y.phoneEncrypted);
        LocalDate today = today();
        return new Details(y, full ? id : Masking.idNumber(id), full ? phone : Masking.phone(phone), !full,
                YouthCategories.unemployedGraduate(y, today), YouthCategories.unemployedYouth(y, today));
    }

    private Checks validate(YouthProfile p, String id) {
        Checks checks = new Checks();
        LocalDate today = today();
        checks.notBlank("name", p.name(), 50, "姓名");
        String idProblem = ResidentId.problem(id, today);
        checks.problem("idNumber", idProblem);
        if (idProblem == null && ResidentId.age(id, today) < 16) {
            checks.check(false, "idNumber", "未满 16 周岁，不能登记参加就业见习");
        }
        checks.check(p.phone() != null && MOBILE.matcher(p.phone().trim()).matches(), "phone", "请填写 11 位手机号");
        checks.enumValue("education", p.education(), EducationLevel.class, "学历");
        checks.check(p.school() == null || p.school().length() <= 100, "school", "学校名称不能超过 100 个字符");
        checks.check(p.major() == null || p.major().length() <= 100, "major", "专业不能超过 100 个字符");
        checks.enumValue("currentStatus", p.currentStatus(), CurrentStatus.class, "当前状态");
        checks.check(p.graduationDate() == null || !p.graduationDate().isAfter(today.plusYears(5)), "graduationDate", "毕业日期不正确");
        if (p.preferredCategories() != null) {
            for (String c : p.preferredCategories()) {
                checks.check(CATEGORIES.contains(c), "preferredCategories", "未知的岗位类别 " + c);
            }
        }
        return checks;
    }

    private Uni<Void> checkRegions(YouthProfile p) {
        Set<String> wanted = new java.util.HashSet<>();
        if (p.regionCode() != null && !p.regionCode().isBlank()) {
            wanted.add(p.regionCode());
        }
        if (p.preferredRegions() != null) {
            wanted.addAll(p.preferredRegions());
        }
        if (wanted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return regions.listAll().map(all -> {
            Set<String> known = all.stream().map(r -> r.code).collect(Collectors.toSet());
            for (String code : wanted) {
                if (!known.contains(code)) {
                    throw ApiProblem.invalidField(code.equals(p.regionCode()) ? "regionCode" : "preferredRegions",
                            "未知的区县代码 " + code);
                }
            }
            return null;
        });
    }

    private void apply(Youth y, YouthProfile p, String id) {
        y.name = p.name().trim();
        y.idNumberEncrypted = cipher.encrypt(id);
        y.idNumberHash = cipher.lookupHash(id);
        y.birthDate = ResidentId.birthDate(id);
        y.sex = ResidentId.sex(id);
        y.phoneEncrypted = cipher.encrypt(p.phone().trim());
        y.regionCode = p.regionCode() == null || p.regionCode().isBlank() ? y.regionCode : p.regionCode();
        y.education = EducationLevel.valueOf(p.education().trim());
        y.school = p.school();
        y.major = p.major();
        y.graduationDate = p.graduationDate();
        y.currentStatus = CurrentStatus.valueOf(p.currentStatus().trim());
        y.internshipIntention = Boolean.TRUE.equals(p.internshipIntention());
        y.trainingIntention = Boolean.TRUE.equals(p.trainingIntention());
        y.preferredRegions = p.preferredRegions() == null ? new String[0] : p.preferredRegions().stream().distinct().toArray(String[]::new);
        y.preferredCategories = p.preferredCategories() == null ? new String[0] : p.preferredCategories().stream().distinct().toArray(String[]::new);
        y.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
