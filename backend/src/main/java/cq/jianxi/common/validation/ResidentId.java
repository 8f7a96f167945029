package cq.jianxi.common.validation;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The 18-character resident ID number of GB 11643-1999, with its check character, birth date and sex. */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /** The province-level codes of GB/T 2260 (the first two digits of every division code). */
    private static final java.util.Set<String> PROVINCES = java.util.Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    private ResidentId() {
    }

    /** Upper-cases the trailing x and trims. */
    public static String normalize(String id) {
        return id == null ? null : id.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** Null when valid (on {@code today}), else the reason in Chinese. */
    public static String problem(String id, LocalDate today) {
        if (id == null || id.isBlank()) {
            return "请填写身份证号";
        }
        if (!id.matches("\\d{17}[\\dX]")) {
            return "身份证号应为 18 位，前 17 位为数字，最后一位为数字或 X";
        }
        if (id.charAt(17) != checkCharacter(id.substring(0, 17))) {
            return "身份证号校验位不正确";
        }
        String divisionProblem = divisionProblem(id.substring(0, 6));
        if (divisionProblem != null) {
            return divisionProblem;
        }
        LocalDate birth = birthDate(id);
        if (birth == null || birth.isAfter(today) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
            return "身份证号中的出生日期不正确";
        }
        return null;
    }

    /**
     * Null when the 6-digit code can be a county-level division of GB/T 2260: a real province and not
     * the province itself. Only the prefix is checked, not the full county list, because an ID keeps
     * the code of where it was first issued, and many of those counties have since been renamed or merged.
     */
    public static String divisionProblem(String division) {
        if (division == null || !division.matches("\\d{6}") || !PROVINCES.contains(division.substring(0, 2))) {
            return "身份证号前 6 位不是有效的行政区划代码";
        }
        if (division.substring(2).equals("0000")) {
            return "身份证号前 6 位是省级行政区划代码，不是县级行政区划代码";
        }
        return null;
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static LocalDate birthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** M for an odd 17th digit, F for an even one. */
    public static String sex(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    public static int age(String id, LocalDate today) {
        return java.time.Period.between(birthDate(id), today).getYears();
    }
}
