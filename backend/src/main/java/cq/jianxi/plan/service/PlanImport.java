package cq.jianxi.plan.service;

import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.tabular.Columns;
import cq.jianxi.common.tabular.TabularFile;
import cq.jianxi.plan.domain.PlanTarget;
import cq.jianxi.plan.domain.TargetColumn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an uploaded Annex 2 table against the 41 regions and returns either all 41 rows or every
 * reason to refuse it; a file is never half loaded.
 */
public final class PlanImport {

    static final String REGION_CODE = "region_code";
    static final String REGION_NAME = "region";
    static final String CITY_ROW = "CITY";

    /** Chinese headers as the notice prints them are accepted beside the English ones of the CSV annex. */
    private static final Columns COLUMNS = Columns.builder()
            .required(REGION_CODE, "区县代码", "区县代码", "代码")
            .optional(REGION_NAME, "区县", "区县", "地区")
            .required(TargetColumn.NEW_BASES.header(), TargetColumn.NEW_BASES.label(), "新增见习基地", "新增见习单位")
            .required(TargetColumn.NEW_KEY_ENTERPRISE_BASES.header(), TargetColumn.NEW_KEY_ENTERPRISE_BASES.label(), "其中重点企业")
            .required(TargetColumn.POSITIONS.header(), TargetColumn.POSITIONS.label(), "募集见习岗位", "见习岗位")
            .required(TargetColumn.PARTICIPANTS.header(), TargetColumn.PARTICIPANTS.label(), "组织见习人数", "参加见习人数")
            .required(TargetColumn.POLICY_SESSIONS.header(), TargetColumn.POLICY_SESSIONS.label(), "政策宣讲")
            .required(TargetColumn.MATCHING_EVENTS.header(), TargetColumn.MATCHING_EVENTS.label(), "供需对接活动")
            .required(TargetColumn.TYPICAL_PERSONS.header(), TargetColumn.TYPICAL_PERSONS.label(), "选树典型人物")
            .required(TargetColumn.NATIONAL_NOMINATIONS.header(), TargetColumn.NATIONAL_NOMINATIONS.label(), "推荐国家级典型")
            .missingMessage(c -> "缺少列 " + c.field())
            .build();

    /** The outcome: rows for all regions when violations is empty. */
    public record Result(List<PlanTarget> targets, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private PlanImport() {
    }

    /**
     * @param regionNames region code to short name, in Annex 2 order
     */
    public static Result check(int year, TabularFile.Table table, Map<String, String> regionNames) {
        Columns.Mapping columns = COLUMNS.map(table.header());
        if (!columns.valid()) {
            return new Result(List.of(), columns.violations());
        }
        List<Violation> violations = new ArrayList<>();

        Map<String, PlanTarget> byRegion = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        EnumMap<TargetColumn, Integer> cityRow = null;
        int cityLine = 0;
        for (TabularFile.Line line : table.lines()) {
            String code = columns.cell(line, REGION_CODE).toUpperCase(Locale.ROOT);
            String name = columns.cell(line, REGION_NAME);
            boolean city = CITY_ROW.equals(code) || (code.isEmpty() && (name.equals("全市") || name.equals("全市合计")));
            EnumMap<TargetColumn, Integer> values = new EnumMap<>(TargetColumn.class);
            for (TargetColumn column : TargetColumn.ALL) {
                String text = columns.cell(line, column.header());
                Integer value = parseCount(text);
                if (value == null) {
                    violations.add(Violation.inFile(line.number(), column.header(),
                            column.label() + "须为非负整数，实际为“" + text + "”"));
                } else {
                    values.put(column, value);
                }
            }
            if (city) {
                if (cityRow != null) {
                    violations.add(Violation.inFile(line.number(), REGION_CODE, "全市合计行重复"));
                }
                cityRow = values;
                cityLine = line.number();
                continue;
            }
            if (code.isEmpty()) {
                violations.add(Violation.inFile(line.number(), REGION_CODE, "区县代码不能为空"));
                continue;
            }
            if (!regionNames.containsKey(code)) {
                violations.add(Violation.inFile(line.number(), REGION_CODE, "未知的区县代码 " + code));
                continue;
            }
            if (!name.isEmpty() && !name.equals(regionNames.get(code))) {
                violations.add(Violation.inFile(line.number(), REGION_NAME,
                        "区县名称“" + name + "”与代码 " + code + "（" + regionNames.get(code) + "）不符"));
            }
            if (firstRow.putIfAbsent(code, line.number()) != null) {
                violations.add(Violation.inFile(line.number(), REGION_CODE,
                        "区县 " + code + " 重复（首次出现在第 " + firstRow.get(code) + " 行）"));
                continue;
            }
            if (values.size() != TargetColumn.ALL.size()) {
                continue;
            }
            checkOfWhich(line.number(), values, TargetColumn.NEW_KEY_ENTERPRISE_BASES, TargetColumn.NEW_BASES, violations);
            checkOfWhich(line.number(), values, TargetColumn.NATIONAL_NOMINATIONS, TargetColumn.TYPICAL_PERSONS, violations);
            PlanTarget target = new PlanTarget();
            target.year = year;
            target.regionCode = code;
            values.forEach(target::set);
            byRegion.put(code, target);
        }
        List<String> missing = regionNames.keySet().stream().filter(code -> !firstRow.containsKey(code)).toList();
        if (!missing.isEmpty()) {
            violations.add(new Violation("file", "缺少区县：" + String.join("、",
                    missing.stream().map(c -> regionNames.get(c) + "(" + c + ")").toList()), null, REGION_CODE));
        }
        if (cityRow != null && violations.isEmpty()) {
            for (TargetColumn column : TargetColumn.ALL) {
                int sum = byRegion.values().stream().mapToInt(t -> t.get(column)).sum();
                Integer stated = cityRow.get(column);
                if (stated != null && stated != sum) {
                    violations.add(Violation.inFile(cityLine, column.header(),
                            "全市合计 " + stated + " 与各区县之和 " + sum + " 不一致"));
                }
            }
        }
        return violations.isEmpty() ? new Result(List.copyOf(byRegion.values()), List.of()) : new Result(List.of(), violations);
    }

    private static void checkOfWhich(int row, Map<TargetColumn, Integer> values, TargetColumn part, TargetColumn whole,
                                     List<Violation> violations) {
        if (values.get(part) > values.get(whole)) {
            violations.add(Violation.inFile(row, part.header(),
                    part.label() + "（" + values.get(part) + "）不能大于" + whole.label() + "（" + values.get(whole) + "）"));
        }
    }

    private static Integer parseCount(String text) {
        String t = text.replace(",", "").trim();
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2); // spreadsheets may store whole numbers as decimals
        }
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(t);
    }
}
