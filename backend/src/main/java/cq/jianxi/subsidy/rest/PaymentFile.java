package cq.jianxi.subsidy.rest;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.tabular.TabularFile;
import cq.jianxi.subsidy.service.SubsidyService.PaymentLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a batch payment file: claim id, payment date, amount, funding level. */
final class PaymentFile {

    private static final Map<String, String> HEADERS = Map.of("申领编号", "claim", "claim_id", "claim",
            "拨付日期", "date", "paid_on", "date", "金额", "amount", "amount", "amount",
            "资金层级", "level", "funding_level", "level");
    private static final Map<String, String> LEVELS = Map.of("中央", "CENTRAL", "市级", "CITY", "区县级", "DISTRICT",
            "CENTRAL", "CENTRAL", "CITY", "CITY", "DISTRICT", "DISTRICT");

    private PaymentFile() {
    }

    static List<PaymentLine> parse(byte[] content) {
        TabularFile.Table table;
        try {
            table = TabularFile.read(content, 10_000);
        } catch (TabularFile.TabularException e) {
            throw ApiProblem.unprocessable("文件无法读取：" + e.getMessage(), List.of(Violation.of("file", e.getMessage())));
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            String name = HEADERS.get(table.header().get(i).trim());
            if (name != null) {
                col.putIfAbsent(name, i);
            }
        }
        List<Violation> problems = new ArrayList<>();
        for (String c : List.of("claim", "date", "amount", "level")) {
            if (!col.containsKey(c)) {
                problems.add(Violation.inFile(1, c, "缺少列 " + c));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.unprocessable("文件列不符合要求", problems);
        }
        List<PaymentLine> lines = new ArrayList<>();
        for (TabularFile.Line line : table.lines()) {
            Long claim = null;
            LocalDate date = null;
            BigDecimal amount = null;
            try {
                claim = Long.parseLong(line.cell(col.get("claim")));
            } catch (NumberFormatException e) {
                problems.add(Violation.inFile(line.number(), "claim", "申领编号应为数字"));
            }
            try {
                date = LocalDate.parse(line.cell(col.get("date")).replace('/', '-'));
            } catch (DateTimeParseException e) {
                problems.add(Violation.inFile(line.number(), "date", "拨付日期格式应为 YYYY-MM-DD"));
            }
            try {
                amount = new BigDecimal(line.cell(col.get("amount")).replace(",", ""));
            } catch (NumberFormatException e) {
                problems.add(Violation.inFile(line.number(), "amount", "金额不是数字"));
            }
            String level = LEVELS.get(line.cell(col.get("level")));
            if (level == null) {
                problems.add(Violation.inFile(line.number(), "level", "资金层级应为 中央、市级 或 区县级"));
            }
            lines.add(new PaymentLine(line.number(), claim, date, amount, level));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.unprocessable("文件有 " + problems.size() + " 处错误，未登记任何拨付", problems);
        }
        return lines;
    }
}
