package cq.jianxi.common.tabular;

import cq.jianxi.common.problem.Violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The columns a table must or may have, each with its Chinese and English header aliases; maps a
 * header row to field positions and reports missing and duplicate columns as violations on row 1.
 * Headers match trimmed, case-insensitively and without the "*" templates put on required columns.
 */
public final class Columns {

    /** One expected column: the field it fills, its label for messages, and the headers that name it. */
    public record Column(String field, String label, boolean required, List<String> aliases) {
    }

    private final List<Column> columns;
    private final Map<String, Column> byHeader = new HashMap<>();
    private final Function<Column, String> violationColumn;
    private final Function<Column, String> missingMessage;

    private Columns(List<Column> columns, Function<Column, String> violationColumn, Function<Column, String> missingMessage) {
        this.columns = List.copyOf(columns);
        this.violationColumn = violationColumn;
        this.missingMessage = missingMessage;
        for (Column c : columns) {
            byHeader.put(normalize(c.field()), c);
            c.aliases().forEach(a -> byHeader.put(normalize(a), c));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    static String normalize(String header) {
        return header == null ? "" : header.replace("*", "").trim().toLowerCase(Locale.ROOT);
    }

    public List<Column> columns() {
        return columns;
    }

    /** Maps a header row; the mapping's violations are empty when every required column is there once. */
    public Mapping map(List<String> header) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Column column = byHeader.get(normalize(header.get(i)));
            if (column == null) {
                continue;
            }
            if (index.putIfAbsent(column.field(), i) != null) {
                violations.add(Violation.inFile(1, violationColumn.apply(column), "列重复：" + header.get(i).trim()));
            }
        }
        for (Column c : columns) {
            if (c.required() && !index.containsKey(c.field())) {
                violations.add(Violation.inFile(1, violationColumn.apply(c), missingMessage.apply(c)));
            }
        }
        return new Mapping(index, violations);
    }

    /** Where each field is in a header row, and what is wrong with that row. */
    public static final class Mapping {
        private final Map<String, Integer> index;
        private final List<Violation> violations;

        Mapping(Map<String, Integer> index, List<Violation> violations) {
            this.index = index;
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }

        public boolean valid() {
            return violations.isEmpty();
        }

        public boolean has(String field) {
            return index.containsKey(field);
        }

        /** The position of a field, or null when the file lacks it. */
        public Integer index(String field) {
            return index.get(field);
        }

        /** A field's trimmed text in a row; "" when the file lacks the column or the row is short. */
        public String cell(List<String> cells, String field) {
            Integer i = index.get(field);
            return i == null || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i).trim();
        }

        public String cell(TabularFile.Line line, String field) {
            return cell(line.cells(), field);
        }

        /** The field of each mapped column, in the order of the header. */
        public Map<String, Integer> positions() {
            return Map.copyOf(index);
        }
    }

    /** Collects the columns of one kind of table. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();
        private Function<Column, String> violationColumn = Column::field;
        private Function<Column, String> missingMessage = c -> "缺少列“" + c.label() + "”";

        public Builder required(String field, String label, String... aliases) {
            columns.add(new Column(field, label, true, List.of(aliases)));
            return this;
        }

        public Builder optional(String field, String label, String... aliases) {
            columns.add(new Column(field, label, false, List.of(aliases)));
            return this;
        }

        /** The {@code column} a violation names; the field by default. */
        public Builder violationColumn(Function<Column, String> naming) {
            this.violationColumn = naming;
            return this;
        }

        public Builder missingMessage(Function<Column, String> message) {
            this.missingMessage = message;
            return this;
        }

        public Columns build() {
            return new Columns(columns, violationColumn, missingMessage);
        }
    }
}
