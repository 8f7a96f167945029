package cq.jianxi.imports.service;

import cq.jianxi.common.persistence.JdbcTransaction;
import cq.jianxi.common.tabular.Columns;
import cq.jianxi.common.tabular.TabularDates;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.validation.CreditCode;
import cq.jianxi.organization.service.OperatingStatuses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Market regulation's enterprise operating status (credit code, status, date): each row is applied to
 * the employer through the organization context; unknown employers and bad cells are reported.
 */
@ApplicationScoped
public class EnterpriseStatusImport {

    static final Columns COLUMNS = Columns.builder()
            .required("credit_code", "统一社会信用代码", "统一社会信用代码")
            .required("status", "经营状态", "经营状态", "登记状态")
            .optional("date", "日期", "日期", "变更日期")
            .build();
    private static final Map<String, String> STATUS = Map.of("存续", "EXISTING", "在业", "OPERATING", "吊销", "REVOKED",
            "注销", "DEREGISTERED", "迁出", "MOVED_OUT");

    @Inject
    AppClock clock;

    @Inject
    OperatingStatuses statuses;

    Columns columns() {
        return COLUMNS;
    }

    ImportJob.Factory job(Columns.Mapping mapping) {
        return tx -> new Job(tx, mapping);
    }

    private final class Job extends ImportJob {
        private final Columns.Mapping mapping;

        Job(JdbcTransaction tx, Columns.Mapping mapping) {
            super(tx);
            this.mapping = mapping;
        }

        @Override
        void row(int number, List<String> cells) throws SQLException {
            total++;
            String code = CreditCode.normalize(mapping.cell(cells, "credit_code"));
            String text = mapping.cell(cells, "status");
            String status = STATUS.getOrDefault(text,
                    STATUS.containsValue(text.toUpperCase(Locale.ROOT)) ? text.toUpperCase(Locale.ROOT) : null);
            String dateText = mapping.cell(cells, "date");
            LocalDate date = dateText.isEmpty() ? null : TabularDates.parseOrMonthEnd(dateText);
            String codeProblem = CreditCode.problem(code);
            boolean badDate = !dateText.isEmpty() && date == null;
            if (codeProblem != null || status == null || badDate) {
                if (codeProblem != null) {
                    problems.add(new RowProblem(number, "credit_code", codeProblem));
                }
                if (status == null) {
                    problems.add(new RowProblem(number, "status", "无法识别的经营状态“" + text + "”"));
                }
                if (badDate) {
                    problems.add(new RowProblem(number, "date", "无法识别的日期"));
                }
                errors++;
                return;
            }
            switch (statuses.apply(tx, code, status, date == null ? clock.instant() : date.atStartOfDay(AppClock.ZONE).toInstant())) {
                case UNKNOWN_EMPLOYER -> {
                    problems.add(new RowProblem(number, "credit_code", "平台中没有该用人单位"));
                    errors++;
                }
                case UNCHANGED -> unchanged++;
                case UPDATED -> updated++;
            }
        }

        @Override
        boolean due() {
            return total % CHUNK == 0;
        }

        @Override
        void flushRows() {
            // updates are written as they come
        }
    }
}
