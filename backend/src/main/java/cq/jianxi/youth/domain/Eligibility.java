package cq.jianxi.youth.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who the internship programme is for (见习对象), the platform's one definition: the registry, the
 * service rate, internships and the reports all ask this class, in Java or as the SQL it writes.
 * <ul>
 *   <li>离校2年内未就业高校毕业生: a college graduate (大专 and above) whose graduation date is on or
 *       before the day and after the day two years earlier, registered as unemployed (未就业);</li>
 *   <li>16–24岁失业青年: aged 16 to 24 on the day and registered as unemployed;</li>
 *   <li>anyone else is not eligible for the internship subsidy (不符合见习补贴对象条件).</li>
 * </ul>
 * A graduate registered as studying or employed is in neither group, whatever the dates say.
 */
public final class Eligibility {

    /** The category of a young person on a day; a graduate who is also 16–24 counts as a graduate. */
    public enum Category {
        UNEMPLOYED_GRADUATE("离校2年内未就业高校毕业生"),
        UNEMPLOYED_YOUTH("16–24岁失业青年"),
        NOT_ELIGIBLE("不符合见习补贴对象条件");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean eligible() {
            return this != NOT_ELIGIBLE;
        }
    }

    /** A SQL condition over a youth row and the named parameters it needs (all prefixed {@code elig_}). */
    public record Condition(String sql, Map<String, Object> params) {
    }

    static final int GRADUATE_YEARS = 2;
    static final int MIN_AGE = 16;
    static final int MAX_AGE = 24;

    private Eligibility() {
    }

    /** The category that decides the internship subsidy; a graduate aged 16–24 is a graduate. */
    public static Category categoryOn(Youth y, LocalDate day) {
        return categoryOn(y.education, y.graduationDate, y.birthDate, y.currentStatus, day);
    }

    public static Category categoryOn(EducationLevel education, LocalDate graduationDate, LocalDate birthDate,
                                      CurrentStatus status, LocalDate day) {
        if (unemployedGraduateOn(education, graduationDate, status, day)) {
            return Category.UNEMPLOYED_GRADUATE;
        }
        return unemployedYouthOn(birthDate, status, day) ? Category.UNEMPLOYED_YOUTH : Category.NOT_ELIGIBLE;
    }

    /** 离校2年内未就业高校毕业生 on the day (whatever the age). */
    public static boolean unemployedGraduateOn(Youth y, LocalDate day) {
        return unemployedGraduateOn(y.education, y.graduationDate, y.currentStatus, day);
    }

    public static boolean unemployedGraduateOn(EducationLevel education, LocalDate graduationDate, CurrentStatus status,
                                               LocalDate day) {
        return status == CurrentStatus.UNEMPLOYED && education != null && education.college() && graduationDate != null
                && !graduationDate.isAfter(day) && graduationDate.isAfter(day.minusYears(GRADUATE_YEARS));
    }

    /** 16–24岁失业青年 on the day (a recent graduate of that age is one too). */
    public static boolean unemployedYouthOn(Youth y, LocalDate day) {
        return unemployedYouthOn(y.birthDate, y.currentStatus, day);
    }

    public static boolean unemployedYouthOn(LocalDate birthDate, CurrentStatus status, LocalDate day) {
        // Same bounds as the SQL below, so a count and a record never disagree about a birthday.
        return status == CurrentStatus.UNEMPLOYED && birthDate != null
                && !birthDate.isAfter(day.minusYears(MIN_AGE)) && birthDate.isAfter(day.minusYears(MAX_AGE + 1));
    }

    /**
     * The rule as a SQL condition on the youth table aliased {@code alias}, for the category on
     * {@code day}. The condition is never null-valued, so it can be negated or used in a filter.
     * A graduate who is also 16–24 matches UNEMPLOYED_GRADUATE only, as in {@link #categoryOn}.
     */
    public static Condition sql(Category category, String alias, LocalDate day) {
        String a = alias == null || alias.isBlank() ? "" : alias + ".";
        String colleges = Arrays.stream(EducationLevel.values()).filter(EducationLevel::college)
                .map(e -> "'" + e.name() + "'").collect(Collectors.joining(", "));
        String unemployed = a + "current_status = '" + CurrentStatus.UNEMPLOYED.name() + "'";
        String graduate = "coalesce(" + a + "education in (" + colleges + ") and " + a + "graduation_date <= :elig_day"
                + " and " + a + "graduation_date > :elig_graduated_after, false)";
        String youth = "coalesce(" + a + "birth_date <= :elig_born_by and " + a + "birth_date > :elig_born_after, false)";
        String sql = switch (category) {
            case UNEMPLOYED_GRADUATE -> "(" + unemployed + " and " + graduate + ")";
            case UNEMPLOYED_YOUTH -> "(" + unemployed + " and not " + graduate + " and " + youth + ")";
            case NOT_ELIGIBLE -> "(not (" + unemployed + " and (" + graduate + " or " + youth + ")))";
        };
        Map<String, Object> params = new LinkedHashMap<>();
        if (sql.contains(":elig_day")) {
            params.put("elig_day", day);
            params.put("elig_graduated_after", day.minusYears(GRADUATE_YEARS));
        }
        if (sql.contains(":elig_born_by")) {
            params.put("elig_born_by", day.minusYears(MIN_AGE));
            params.put("elig_born_after", day.minusYears(MAX_AGE + 1));
        }
        return new Condition(sql, Map.copyOf(params));
    }

    /**
     * The same rule as {@link #sql} for a day that is a SQL expression (a column such as an activity's
     * date), for read models that judge each row on its own day. No parameters are bound.
     */
    public static String sqlOnDay(Category category, String alias, String dayExpression) {
        String a = alias == null || alias.isBlank() ? "" : alias + ".";
        String day = "(" + dayExpression + ")";
        String colleges = Arrays.stream(EducationLevel.values()).filter(EducationLevel::college)
                .map(e -> "'" + e.name() + "'").collect(Collectors.joining(", "));
        String unemployed = a + "current_status = '" + CurrentStatus.UNEMPLOYED.name() + "'";
        String graduate = "coalesce(" + a + "education in (" + colleges + ") and " + a + "graduation_date <= " + day
                + " and " + a + "graduation_date > " + day + " - interval '" + GRADUATE_YEARS + " years', false)";
        String youth = "coalesce(" + a + "birth_date <= " + day + " - interval '" + MIN_AGE + " years' and " + a + "birth_date > "
                + day + " - interval '" + (MAX_AGE + 1) + " years', false)";
        return switch (category) {
            case UNEMPLOYED_GRADUATE -> "(" + unemployed + " and " + graduate + ")";
            case UNEMPLOYED_YOUTH -> "(" + unemployed + " and not " + graduate + " and " + youth + ")";
            case NOT_ELIGIBLE -> "(not (" + unemployed + " and (" + graduate + " or " + youth + ")))";
        };
    }
}
