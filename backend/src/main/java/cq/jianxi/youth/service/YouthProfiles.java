package cq.jianxi.youth.service;

import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.validation.ResidentId;
import cq.jianxi.region.service.Regions;
import cq.jianxi.youth.domain.CurrentStatus;
import cq.jianxi.youth.domain.EducationLevel;
import cq.jianxi.youth.domain.Youth;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks a registry profile field by field and writes it onto a record, for registration and updates. */
@ApplicationScoped
public class YouthProfiles {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Set<String> CATEGORIES = Set.of("RESEARCH", "TECHNICAL", "SOCIAL_SERVICE", "MANAGEMENT", "OTHER");

    @Inject
    Regions regions;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    AppClock clock;

    /**
     * Every field problem at once. Anyone of 16 or more may register (they may search positions);
     * whether they are in the programme's target groups is their category, not a refusal.
     */
    Checks validate(YouthProfile p, String id) {
        Checks checks = new Checks();
        LocalDate today = clock.today();
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

    /** The residence and preferred regions must be among the 41 reporting units. */
    Uni<Void> checkRegions(YouthProfile p) {
        Set<String> wanted = new HashSet<>();
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
                    throw ApiProblem.ruleAt(code.equals(p.regionCode()) ? "regionCode" : "preferredRegions",
                            "未知的区县代码 " + code);
                }
            }
            return null;
        });
    }

    /** Writes a validated profile; birth date and sex come from the ID number. */
    void apply(Youth y, YouthProfile p, String id) {
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
        y.updatedAt = clock.now();
    }
}
