package cq.jianxi.imports.service;

import cq.jianxi.common.validation.ResidentId;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One checked row of the education department's graduate roster. */
record RosterRow(int number, String school, String name, String idNumber, String education, String major,
                 LocalDate graduationDate, String status, boolean internshipIntention, boolean trainingIntention) {

    static final List<String> COLUMNS = List.of("school", "name", "id_number", "education", "major", "graduation_date",
            "destination_status", "internship_intention", "training_intention");

    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("学校", "school"), Map.entry("毕业学校", "school"), Map.entry("school", "school"),
            Map.entry("姓名", "name"), Map.entry("name", "name"),
            Map.entry("身份证号", "id_number"), Map.entry("身份证号码", "id_number"), Map.entry("id_number", "id_number"),
            Map.entry("学历", "education"), Map.entry("education", "education"), Map.entry("education_level", "education"),
            Map.entry("专业", "major"), Map.entry("major", "major"),
            Map.entry("毕业日期", "graduation_date"), Map.entry("毕业时间", "graduation_date"), Map.entry("graduation_date", "graduation_date"),
            Map.entry("毕业去向", "destination_status"), Map.entry("去向", "destination_status"), Map.entry("就业状态", "destination_status"),
            Map.entry("destination_status", "destination_status"),
            Map.entry("见习意愿", "internship_intention"), Map.entry("internship_intention", "internship_intention"),
            Map.entry("培训意愿", "training_intention"), Map.entry("training_intention", "training_intention"));

    private static final Map<String, String> EDUCATION = Map.ofEntries(
            Map.entry("中专", "SECONDARY"), Map.entry("高中", "SECONDARY"), Map.entry("中专/高中", "SECONDARY"),
            Map.entry("大专", "JUNIOR_COLLEGE"), Map.entry("专科", "JUNIOR_COLLEGE"), Map.entry("高职", "JUNIOR_COLLEGE"),
            Map.entry("本科", "BACHELOR"), Map.entry("硕士", "MASTER"), Map.entry("研究生", "MASTER"), Map.entry("博士", "DOCTOR"));

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("未就业", "UNEMPLOYED"), Map.entry("待就业", "UNEMPLOYED"), Map.entry("暂不就业", "UNEMPLOYED"),
            Map.entry("已就业", "EMPLOYED"), Map.entry("签约就业", "EMPLOYED"), Map.entry("灵活就业", "EMPLOYED"),
            Map.entry("自主创业", "EMPLOYED"), Map.entry("升学", "STUDYING"), Map.entry("在读", "STUDYING"),
            Map.entry("出国出境", "STUDYING"));

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("M/d/yy"));

    /** One problem of one row. */
    record Problem(int row, String field, String reason) {
    }

    /** Parses and checks a data row; problems go to {@code problems} and the row is then null. */
    static RosterRow parse(int number, List<String> cells, Map<String, Integer> columns, LocalDate today,
                           List<Problem> problems) {
        List<Problem> mine = new ArrayList<>();
        String school = cell(cells, columns, "school");
        String name = cell(cells, columns, "name");
        String id = ResidentId.normalize(cell(cells, columns, "id_number"));
        String major = cell(cells, columns, "major");
        if (name.isEmpty() || name.length() > 50) {
            mine.add(new Problem(number, "name", name.isEmpty() ? "姓名为空" : "姓名过长"));
        }
        String idProblem = ResidentId.problem(id, today);
        if (idProblem != null) {
            mine.add(new Problem(number, "id_number", idProblem));
        } else if (ResidentId.age(id, today) < 16) {
            mine.add(new Problem(number, "id_number", "未满 16 周岁"));
        }
        if (school.length() > 100) {
            mine.add(new Problem(number, "school", "学校名称过长"));
        }
        if (major.length() > 100) {
            mine.add(new Problem(number, "major", "专业名称过长"));
        }
        String educationText = cell(cells, columns, "education");
        String education = EDUCATION.getOrDefault(educationText, isCode(educationText,
                "SECONDARY", "JUNIOR_COLLEGE", "BACHELOR", "MASTER", "DOCTOR"));
        if (education == null) {
            mine.add(new Problem(number, "education", "无法识别的学历“" + educationText + "”"));
        }
        String dateText = cell(cells, columns, "graduation_date");
        LocalDate graduation = date(dateText);
        if (graduation == null) {
            mine.add(new Problem(number, "graduation_date", "无法识别的毕业日期“" + dateText + "”"));
        }
        String statusText = cell(cells, columns, "destination_status");
        String status = STATUS.getOrDefault(statusText, isCode(statusText, "UNEMPLOYED", "EMPLOYED", "STUDYING"));
        if (status == null) {
            mine.add(new Problem(number, "destination_status", "无法识别的毕业去向“" + statusText + "”"));
        }
        Boolean internship = yesNo(cell(cells, columns, "internship_intention"));
        if (internship == null) {
            mine.add(new Problem(number, "internship_intention", "见习意愿应为“是”或“否”"));
        }
        Boolean training = yesNo(cell(cells, columns, "training_intention"));
        if (training == null) {
            mine.add(new Problem(number, "training_intention", "培训意愿应为“是”或“否”"));
        }
        if (!mine.isEmpty()) {
            problems.addAll(mine);
            return null;
        }
        return new RosterRow(number, school, name, id, education, major, graduation, status, internship, training);
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).trim();
    }

    private static String isCode(String text, String... codes) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (String code : codes) {
            if (code.equals(upper)) {
                return code;
            }
        }
        return null;
    }

    static LocalDate date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate d = LocalDate.parse(text, f);
                return d.getYear() < 100 ? d.plusYears(2000) : d;
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        for (String layout : List.of("yyyy-M", "yyyy/M", "yyyyMM", "yyyy.M")) {
            try {
                return YearMonth.parse(text, DateTimeFormatter.ofPattern(layout)).atEndOfMonth();
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        return null;
    }

    private static Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "是", "有", "y", "yes", "true", "1" -> true;
            case "否", "无", "n", "no", "false", "0", "" -> false;
            default -> null;
        };
    }
}
