package cq.jianxi.youth.domain;

import java.time.LocalDate;

/** The report categories derived from a registry record (definitions of the notice). */
public final class YouthCategories {

    private YouthCategories() {
    }

    /** 离校2年内未就业高校毕业生: a college graduate who left school within two years and has no job. */
    public static boolean unemployedGraduate(Youth y, LocalDate today) {
        return y.education != null && y.education.college() && y.graduationDate != null
                && !y.graduationDate.isAfter(today) && y.graduationDate.isAfter(today.minusYears(2))
                && y.currentStatus == CurrentStatus.UNEMPLOYED;
    }

    /** 16–24岁失业青年: aged 16 to 24 and unemployed. */
    public static boolean unemployedYouth(Youth y, LocalDate today) {
        if (y.birthDate == null || y.currentStatus != CurrentStatus.UNEMPLOYED) {
            return false;
        }
        int age = java.time.Period.between(y.birthDate, today).getYears();
        return age >= 16 && age <= 24;
    }
}
