package cq.jianxi.common.time;

import cq.jianxi.common.problem.ApiProblem;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Parsing of the YYYY-MM months that reports, confirmations and claims are keyed by. */
public final class Months {

    private Months() {
    }

    public static YearMonth parse(String text) {
        return parse("month", text);
    }

    public static YearMonth parse(String field, String text) {
        try {
            YearMonth month = YearMonth.parse(text == null ? "" : text.trim());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw ApiProblem.invalidField(field, "月份须在 2000-01 到 2100-12 之间");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "月份格式应为 YYYY-MM");
        }
    }
}
