package cq.jianxi.common.tabular;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one reading of a date cell: the layouts offices type (2026-01-05, 2026/1/5, 2026.1.5, 20260105,
 * Excel's US 1/5/26) and the Excel serial number a date cell becomes when its format is lost.
 */
public final class TabularDates {

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("M/d/yy"));
    private static final List<DateTimeFormatter> MONTHS = List.of(DateTimeFormatter.ofPattern("yyyy-M"),
            DateTimeFormatter.ofPattern("yyyy/M"), DateTimeFormatter.ofPattern("yyyyMM"), DateTimeFormatter.ofPattern("yyyy.M"));
    /** Serials from 1982 (30000) to 2064 (60000): a five-digit number in a date column is a lost date format. */
    private static final Pattern SERIAL = Pattern.compile("[3-5]\\d{4}(\\.\\d+)?");
    /** Excel's day 0; serials above 60 are off by its phantom 1900-02-29, which this epoch absorbs. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private TabularDates() {
    }

    /** The date the text names, or null when it is blank or no known layout. */
    public static LocalDate parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (SERIAL.matcher(t).matches()) {
            return EXCEL_EPOCH.plusDays(new BigDecimal(t).longValue());
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate d = LocalDate.parse(t, f);
                return d.getYear() < 100 ? d.plusYears(2000) : d;
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        return null;
    }

    /** Like {@link #parse}, and a bare month (2026-06, 202606) reads as its last day, as graduation dates often come. */
    public static LocalDate parseOrMonthEnd(String text) {
        LocalDate date = parse(text);
        if (date != null || text == null) {
            return date;
        }
        for (DateTimeFormatter f : MONTHS) {
            try {
                return YearMonth.parse(text.trim(), f).atEndOfMonth();
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        return null;
    }
}
