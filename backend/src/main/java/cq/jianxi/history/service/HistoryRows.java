package cq.jianxi.history.service;

import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.tabular.Columns;
import cq.jianxi.common.tabular.TabularDates;
import cq.jianxi.common.tabular.TabularFile;
import cq.jianxi.history.domain.HistorySheet;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one sheet read against its columns (Chinese or English headers): each row's values by
 * field, its content hash for idempotent re-imports, and the violations found while reading it.
 */
final class HistoryRows {

    /** Each sheet's columns: the template's Chinese header, or the English field name. */
    private static final Map<HistorySheet, Columns> COLUMNS = new java.util.EnumMap<>(HistorySheet.class);

    static {
        for (HistorySheet sheet : HistorySheet.values()) {
            Columns.Builder b = Columns.builder()
                    .violationColumn(c -> sheet.name().toLowerCase() + "." + c.field())
                    .missingMessage(c -> sheet.title() + "：缺少列“" + c.label() + "”");
            for (HistorySheet.Column c : sheet.columns()) {
                if (c.required()) {
                    b.required(c.field(), c.header(), c.header());
                } else {
                    b.optional(c.field(), c.header(), c.header());
                }
            }
            COLUMNS.put(sheet, b.build());
        }
    }

    /** One data row. */
    record Row(HistorySheet sheet, int number, Map<String, String> values, String hash) {
        String text(String field) {
            String v = values.get(field);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    final HistorySheet sheet;
    final List<Row> rows = new ArrayList<>();
    final List<Violation> violations;

    private HistoryRows(HistorySheet sheet, List<Violation> violations) {
        this.sheet = sheet;
        this.violations = violations;
    }

    static HistoryRows read(HistorySheet sheet, TabularFile.Table table, List<Violation> violations) {
        HistoryRows result = new HistoryRows(sheet, violations);
        Columns.Mapping index = COLUMNS.get(sheet).map(table.header());
        violations.addAll(index.violations());
        for (TabularFile.Line line : table.lines()) {
            Map<String, String> values = new LinkedHashMap<>();
            StringBuilder canonical = new StringBuilder();
            for (HistorySheet.Column c : sheet.columns()) {
                Integer i = index.index(c.field());
                String v = i == null ? null : line.cell(i);
                v = v == null ? null : v.trim();
                values.put(c.field(), v);
                canonical.append(v == null ? "" : v).append('\u001f');
                if (c.required() && (v == null || v.isEmpty())) {
                    result.problem(line.number(), c.field(), "请填写“" + c.header() + "”");
                }
            }
            result.rows.add(new Row(sheet, line.number(), values, sha256(canonical.toString())));
        }
        return result;
    }

    void problem(int row, String field, String message) {
        violations.add(Violation.inFile(row, sheet.name().toLowerCase() + "." + field, sheet.title() + " 第 " + row + " 行：" + message));
    }

    LocalDate date(Row r, String field) {
        String v = r.text(field);
        if (v == null) {
            return null;
        }
        LocalDate date = TabularDates.parse(v);
        if (date == null) {
            problem(r.number(), field, "日期格式应为 YYYY-MM-DD：" + v);
        }
        return date;
    }

    YearMonth month(Row r, String field) {
        String v = r.text(field);
        if (v == null) {
            return null;
        }
        try {
            return YearMonth.parse(v.length() > 7 ? v.substring(0, 7) : v);
        } catch (DateTimeParseException e) {
            problem(r.number(), field, "月份格式应为 YYYY-MM：" + v);
            return null;
        }
    }

    BigDecimal money(Row r, String field) {
        String v = r.text(field);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal m = new BigDecimal(v.replace(",", ""));
            if (m.signum() < 0 || m.scale() > 2 || m.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
                problem(r.number(), field, "金额须为 0 到 10000000 之间、最多两位小数：" + v);
                return null;
            }
            return m.setScale(2);
        } catch (NumberFormatException e) {
            problem(r.number(), field, "金额格式不正确：" + v);
            return null;
        }
    }

    Integer integer(Row r, String field, int min, int max) {
        String v = r.text(field);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.endsWith(".0") ? v.substring(0, v.length() - 2) : v);
            if (n < min || n > max) {
                problem(r.number(), field, "须在 " + min + " 到 " + max + " 之间：" + v);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problem(r.number(), field, "须为整数：" + v);
            return null;
        }
    }

    /** A code given as the code itself or as its Chinese label. */
    <E extends Enum<E>> E choice(Row r, String field, Class<E> type, Map<String, E> labels) {
        String v = r.text(field);
        if (v == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        E byLabel = labels.get(v);
        if (byLabel == null) {
            problem(r.number(), field, "取值不正确：" + v + "（可填 " + String.join("、", labels.keySet()) + "）");
        }
        return byLabel;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
