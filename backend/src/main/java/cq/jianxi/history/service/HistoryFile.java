package cq.jianxi.history.service;

import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.tabular.TabularFile;
import cq.jianxi.common.validation.CreditCode;
import cq.jianxi.common.validation.ResidentId;
import cq.jianxi.history.domain.HistorySheet;
import cq.jianxi.internship.domain.InternshipState;
import cq.jianxi.organization.domain.Ownership;
import cq.jianxi.position.domain.CloseReason;
import cq.jianxi.position.domain.PositionCategory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A history file read and checked row by row before anything is written: the xlsx template's four
 * sheets, or one CSV holding one sheet. Every field problem of every row is collected, so a district
 * sees all that is wrong with its file at once.
 */
final class HistoryFile {

    static final int MAX_ROWS = 50_000;

    record BaseRow(int row, String hash, String creditCode, String name, String industry, Ownership ownership, String contactName,
                   LocalDate approvedOn, LocalDate revokedOn, String revokeReason) {
    }

    record PositionRow(int row, String hash, String legacyId, String creditCode, String title, PositionCategory category,
                       int headcount, BigDecimal allowance, int durationMonths, LocalDate publishedOn, LocalDate deadline,
                       LocalDate closedOn, CloseReason closeReason) {
    }

    record InternshipRow(int row, String hash, String legacyId, String idNumber, String name, String education,
                         LocalDate graduationDate, String positionLegacyId, String mentorName, LocalDate startDate,
                         LocalDate plannedEnd, BigDecimal allowance, InternshipState state, LocalDate arrivedOn, LocalDate endDate,
                         String endReason, String outcome, String outcomeChannel) {
    }

    record PaymentRow(int row, String hash, String internshipLegacyId, YearMonth month, BigDecimal approvedAmount, LocalDate paidOn,
                      BigDecimal amount, String fundingLevel) {
        String key() {
            return internshipLegacyId + "/" + month + "/" + paidOn + "/" + amount.toPlainString();
        }
    }

    final List<BaseRow> bases = new ArrayList<>();
    final List<PositionRow> positions = new ArrayList<>();
    final List<InternshipRow> internships = new ArrayList<>();
    final List<PaymentRow> payments = new ArrayList<>();
    final List<Violation> violations = new ArrayList<>();

    static final Map<String, Ownership> OWNERSHIP = labels(Ownership.values(), Ownership::label);
    static final Map<String, PositionCategory> CATEGORIES = labels(PositionCategory.values(), PositionCategory::label);
    static final Map<String, CloseReason> CLOSE = labels(CloseReason.values(), CloseReason::label);
    static final Map<String, InternshipState> STATES = labels(new InternshipState[]{InternshipState.SIGNED, InternshipState.ON_POST,
            InternshipState.COMPLETED, InternshipState.RETAINED_EARLY, InternshipState.ABNORMAL, InternshipState.NO_SHOW},
            InternshipState::label);
    static final Map<String, String> OUTCOMES = Map.of("被见习单位留用", "RETAINED", "其他方式就业", "EMPLOYED_ELSEWHERE", "未就业", "NOT_EMPLOYED");
    static final Map<String, String> CHANNELS = Map.of("见习单位推荐", "BASE_RECOMMENDATION", "公共就业人才服务机构推荐", "PUBLIC_SERVICE",
            "自主择业", "OWN_SEARCH");
    static final Map<String, String> FUNDING = Map.of("中央", "CENTRAL", "市级", "CITY", "区县级", "DISTRICT");
    static final Map<String, String> EDUCATION = Map.of("中专", "SECONDARY", "大专", "JUNIOR_COLLEGE", "本科", "BACHELOR",
            "硕士", "MASTER", "博士", "DOCTOR");

    /** Reads an xlsx workbook of the template's sheets, or a CSV of the named sheet. */
    static HistoryFile read(byte[] content, HistorySheet csvSheet, LocalDate today) throws TabularFile.TabularException {
        HistoryFile file = new HistoryFile();
        Map<HistorySheet, TabularFile.Table> tables = new LinkedHashMap<>();
        if (csvSheet != null) {
            tables.put(csvSheet, TabularFile.read(content, MAX_ROWS));
        } else {
            Map<String, TabularFile.Table> sheets = TabularFile.readSheets(content, MAX_ROWS);
            for (HistorySheet s : HistorySheet.values()) {
                if (sheets.containsKey(s.title())) {
                    tables.put(s, sheets.get(s.title()));
                }
            }
            if (tables.isEmpty()) {
                throw new TabularFile.TabularException("工作簿中没有“见习基地”“见习岗位”“见习人员”“补贴拨付”中的任何一张表，请使用下载的模板");
            }
        }
        tables.forEach((sheet, table) -> file.parse(HistoryRows.read(sheet, table, file.violations), today));
        return file;
    }

    private void parse(HistoryRows rows, LocalDate today) {
        Set<String> keys = new HashSet<>();
        for (HistoryRows.Row r : rows.rows) {
            int n = r.number();
            switch (rows.sheet) {
                case BASES -> {
                    String code = r.text("creditCode") == null ? null : CreditCode.normalize(r.text("creditCode"));
                    if (code != null && CreditCode.problem(code) != null) {
                        rows.problem(n, "creditCode", CreditCode.problem(code));
                    }
                    unique(rows, r, keys, code, "creditCode");
                    LocalDate approved = notFuture(rows, r, "approvedOn", today);
                    LocalDate revoked = notFuture(rows, r, "revokedOn", today);
                    if (approved != null && revoked != null && revoked.isBefore(approved)) {
                        rows.problem(n, "revokedOn", "撤销日期不能早于备案通过日期");
                    }
                    if (revoked != null && r.text("revokeReason") == null) {
                        rows.problem(n, "revokeReason", "已撤销的基地须填写撤销原因");
                    }
                    Ownership ownership = rows.choice(r, "ownership", Ownership.class, OWNERSHIP);
                    bases.add(new BaseRow(n, r.hash(), code, limit(rows, r, "name", 100), limit(rows, r, "industry", 64), ownership,
                            limit(rows, r, "contactName", 50), approved, revoked, limit(rows, r, "revokeReason", 500)));
                }
                case POSITIONS -> {
                    unique(rows, r, keys, r.text("legacyId"), "legacyId");
                    LocalDate published = notFuture(rows, r, "publishedOn", today);
                    LocalDate closed = notFuture(rows, r, "closedOn", today);
                    CloseReason reason = rows.choice(r, "closeReason", CloseReason.class, CLOSE);
                    if ((closed == null) != (reason == null)) {
                        rows.problem(n, closed == null ? "closedOn" : "closeReason", "关闭日期和关闭原因须同时填写");
                    }
                    if (published != null && closed != null && closed.isBefore(published)) {
                        rows.problem(n, "closedOn", "关闭日期不能早于首次发布日期");
                    }
                    Integer headcount = rows.integer(r, "headcount", 1, 1000);
                    Integer duration = rows.integer(r, "durationMonths", 3, 12);
                    LocalDate deadline = rows.date(r, "deadline");
                    positions.add(new PositionRow(n, r.hash(), limit(rows, r, "legacyId", 100),
                            r.text("creditCode") == null ? null : CreditCode.normalize(r.text("creditCode")), limit(rows, r, "title", 100),
                            rows.choice(r, "category", PositionCategory.class, CATEGORIES), headcount == null ? 0 : headcount,
                            rows.money(r, "monthlyAllowance"), duration == null ? 0 : duration, published,
                            deadline != null ? deadline : closed != null ? closed : published == null ? null : published.plusMonths(3),
                            closed, reason));
                }
                case INTERNSHIPS -> {
                    unique(rows, r, keys, r.text("legacyId"), "legacyId");
                    String id = r.text("idNumber") == null ? null : ResidentId.normalize(r.text("idNumber"));
                    if (id != null && ResidentId.problem(id, today) != null) {
                        rows.problem(n, "idNumber", ResidentId.problem(id, today));
                    }
                    internships.add(new InternshipRow(n, r.hash(), limit(rows, r, "legacyId", 100), id, limit(rows, r, "name", 50),
                            code(rows, r, "education", EDUCATION), rows.date(r, "graduationDate"), r.text("positionLegacyId"),
                            limit(rows, r, "mentorName", 50), rows.date(r, "startDate"), rows.date(r, "plannedEnd"),
                            rows.money(r, "monthlyAllowance"), rows.choice(r, "state", InternshipState.class, STATES),
                            rows.date(r, "arrivedOn"), rows.date(r, "endDate"), limit(rows, r, "endReason", 500),
                            code(rows, r, "outcome", OUTCOMES), code(rows, r, "outcomeChannel", CHANNELS)));
                }
                case DISBURSEMENTS -> {
                    PaymentRow p = new PaymentRow(n, r.hash(), r.text("internshipLegacyId"), rows.month(r, "month"),
                            rows.money(r, "approvedAmount"), notFuture(rows, r, "paidOn", today), rows.money(r, "amount"),
                            code(rows, r, "fundingLevel", FUNDING));
                    if (p.amount() != null && p.amount().signum() <= 0) {
                        rows.problem(n, "amount", "拨付金额须大于 0");
                    }
                    if (p.internshipLegacyId() != null && p.month() != null && p.paidOn() != null && p.amount() != null) {
                        unique(rows, r, keys, p.key(), "paidOn");
                    }
                    payments.add(p);
                }
            }
        }
    }

    private static LocalDate notFuture(HistoryRows rows, HistoryRows.Row r, String field, LocalDate today) {
        LocalDate d = rows.date(r, field);
        if (d != null && d.isAfter(today)) {
            rows.problem(r.number(), field, "日期不能晚于今天");
        }
        return d;
    }

    private static void unique(HistoryRows rows, HistoryRows.Row r, Set<String> keys, String key, String field) {
        if (key != null && !keys.add(key)) {
            rows.problem(r.number(), field, "与本表前面的行重复：" + key);
        }
    }

    private static String limit(HistoryRows rows, HistoryRows.Row r, String field, int max) {
        String v = r.text(field);
        if (v != null && v.length() > max) {
            rows.problem(r.number(), field, "不能超过 " + max + " 个字符");
        }
        return v;
    }

    /** A code column given as the code or its Chinese label. */
    private static String code(HistoryRows rows, HistoryRows.Row r, String field, Map<String, String> labels) {
        String v = r.text(field);
        if (v == null) {
            return null;
        }
        if (labels.containsValue(v.toUpperCase())) {
            return v.toUpperCase();
        }
        if (labels.containsKey(v)) {
            return labels.get(v);
        }
        rows.problem(r.number(), field, "取值不正确：" + v + "（可填 " + String.join("、", labels.keySet()) + "）");
        return null;
    }

    private static <E> Map<String, E> labels(E[] values, Function<E, String> label) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E e : values) {
            map.put(label.apply(e), e);
        }
        return map;
    }
}
