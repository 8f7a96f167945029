package cq.jianxi.imports.service;

import cq.jianxi.common.tabular.Columns;
import cq.jianxi.common.tabular.TabularDates;
import cq.jianxi.common.validation.ResidentId;
import cq.jianxi.youth.domain.RegistryEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One checked row of the education department's graduate roster. */
record RosterRow(int number, String school, String name, String idNumber, String education, String major,
                 LocalDate graduationDate, String status, boolean internshipIntention, boolean trainingIntention) {

    static final Columns COLUMNS = Columns.builder()
            .required("school", "学校", "学校", "毕业学校")
            .required("name", "姓名", "姓名")
            .required("id_number", "身份证号", "身份证号", "身份证号码")
            .required("education", "学历", "学历", "education_level")
            .required("major", "专业", "专业")
            .required("graduation_date", "毕业日期", "毕业日期", "毕业时间")
            .required("destination_status", "毕业去向", "毕业去向", "去向", "就业状态")
            .required("internship_intention", "见习意愿", "见习意愿")
            .required("training_intention", "培训意愿", "培训意愿")
            .build();

    private static final Map<String, String> EDUCATION = Map.ofEntries(
            Map.entry("中专", "SECONDARY"), Map.entry("高中", "SECONDARY"), Map.entry("中专/高中", "SECONDARY"),
            Map.entry("大专", "JUNIOR_COLLEGE"), Map.entry("专科", "JUNIOR_COLLEGE"), Map.entry("高职", "JUNIOR_COLLEGE"),
            Map.entry("本科", "BACHELOR"), Map.entry("硕士", "MASTER"), Map.entry("研究生", "MASTER"), Map.entry("博士", "DOCTOR"));

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("未就业", "UNEMPLOYED"), Map.entry("待就业", "UNEMPLOYED"), Map.entry("暂不就业", "UNEMPLOYED"),
            Map.entry("已就业", "EMPLOYED"), Map.entry("签约就业", "EMPLOYED"), Map.entry("灵活就业", "EMPLOYED"),
            Map.entry("自主创业", "EMPLOYED"), Map.entry("升学", "STUDYING"), Map.entry("在读", "STUDYING"),
            Map.entry("出国出境", "STUDYING"));

    /** The row as the registry records a person. */
    RegistryEntry entry() {
        return new RegistryEntry(idNumber, name, school, major, education, graduationDate, status, internshipIntention,
                trainingIntention);
    }

    /** Parses and checks a data row; problems go to {@code problems} and the row is then null. */
    static RosterRow parse(int number, List<String> cells, Columns.Mapping columns, LocalDate today,
                           List<RowProblem> problems) {
        List<RowProblem> mine = new ArrayList<>();
        String school = cell(cells, columns, "school");
        String name = cell(cells, columns, "name");
        String id = ResidentId.normalize(cell(cells, columns, "id_number"));
        String major = cell(cells, columns, "major");
        if (name.isEmpty() || name.length() > 50) {
            mine.add(new RowProblem(number, "name", name.isEmpty() ? "姓名为空" : "姓名过长"));
        }
        String idProblem = ResidentId.problem(id, today);
        if (idProblem != null) {
            mine.add(new RowProblem(number, "id_number", idProblem));
        } else if (ResidentId.age(id, today) < 16) {
            mine.add(new RowProblem(number, "id_number", "未满 16 周岁"));
        }
        if (school.length() > 100) {
            mine.add(new RowProblem(number, "school", "学校名称过长"));
        }
        if (major.length() > 100) {
            mine.add(new RowProblem(number, "major", "专业名称过长"));
        }
        String educationText = cell(cells, columns, "education");
        String education = EDUCATION.getOrDefault(educationText, isCode(educationText,
                "SECONDARY", "JUNIOR_COLLEGE", "BACHELOR", "MASTER", "DOCTOR"));
        if (education == null) {
            mine.add(new RowProblem(number, "education", "无法识别的学历“" + educationText + "”"));
        }
        String dateText = cell(cells, columns, "graduation_date");
        LocalDate graduation = TabularDates.parseOrMonthEnd(dateText);
        if (graduation == null) {
            mine.add(new RowProblem(number, "graduation_date", "无法识别的毕业日期“" + dateText + "”"));
        }
        String statusText = cell(cells, columns, "destination_status");
        String status = STATUS.getOrDefault(statusText, isCode(statusText, "UNEMPLOYED", "EMPLOYED", "STUDYING"));
        if (status == null) {
            mine.add(new RowProblem(number, "destination_status", "无法识别的毕业去向“" + statusText + "”"));
        }
        Boolean internship = yesNo(cell(cells, columns, "internship_intention"));
        if (internship == null) {
            mine.add(new RowProblem(number, "internship_intention", "见习意愿应为“是”或“否”"));
        }
        Boolean training = yesNo(cell(cells, columns, "training_intention"));
        if (training == null) {
            mine.add(new RowProblem(number, "training_intention", "培训意愿应为“是”或“否”"));
        }
        if (!mine.isEmpty()) {
            problems.addAll(mine);
            return null;
        }
        return new RosterRow(number, school, name, id, education, major, graduation, status, internship, training);
    }

    private static String cell(List<String> cells, Columns.Mapping columns, String column) {
        return columns.cell(cells, column);
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

    private static Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "是", "有", "y", "yes", "true", "1" -> true;
            case "否", "无", "n", "no", "false", "0", "" -> false;
            default -> null;
        };
    }
}
