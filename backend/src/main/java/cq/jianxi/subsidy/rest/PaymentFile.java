package cq.jianxi.subsidy.rest;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.tabular.Columns;
import cq.jianxi.common.tabular.TabularDates;
import cq.jianxi.common.tabular.TabularFile;
import cq.jianxi.subsidy.service.SubsidyService.PaymentLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a batch payment file: claim id, payment date, amount, funding level. */
final class PaymentFile {

    private static final Columns COLUMNS = Columns.builder()
            .required("claim", "申领编号", "申领编号", "claim_id")
            .required("date", "拨付日期", "拨付日期", "paid_on")
            .required("amount", "金额", "金额")
            .required("level", "资金层级", "资金层级", "funding_level")
            .build();
    private static final Map<String, String> LEVELS = Map.of("中央", "CENTRAL", "市级", "CITY", "区县级", "DISTRICT",
            "CENTRAL", "CENTRAL", "CITY", "CITY", "DISTRICT", "DISTRICT");

    private PaymentFile() {
    }

    /** Blocking: reads the file. */
    static List<PaymentLine> parse(java.nio.file.Path upload) {
        TabularFile.Table table;
        try {
            table = TabularFile.read(upload, 10_000);
        } catch (TabularFile.TabularException e) {
            throw ApiProblem.unprocessable("文件无法读取：" + e.getMessage(), List.of(Violation.of("file", e.getMessage())));
        }
        Columns.Mapping col = COLUMNS.map(table.header());
        if (!col.valid()) {
            throw ApiProblem.unprocessable("文件列不符合要求", col.violations());
        }
        List<Violation> problems = new ArrayList<>();
        List<PaymentLine> lines = new ArrayList<>();
        for (TabularFile.Line line : table.lines()) {
            Long claim = null;
            LocalDate date = null;
            BigDecimal amount = null;
            try {
                claim = Long.parseLong(col.cell(line, "claim"));
            } catch (NumberFormatException e) {
                problems.add(Violation.inFile(line.number(), "claim", "申领编号应为数字"));
            }
            date = TabularDates.parse(col.cell(line, "date"));
            if (date == null) {
                problems.add(Violation.inFile(line.number(), "date", "拨付日期格式应为 YYYY-MM-DD"));
            }
            try {
                amount = new BigDecimal(col.cell(line, "amount").replace(",", ""));
            } catch (NumberFormatException e) {
                problems.add(Violation.inFile(line.number(), "amount", "金额不是数字"));
            }
            String level = LEVELS.get(col.cell(line, "level"));
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
