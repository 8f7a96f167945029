package cq.jianxi.history.domain;

import java.util.List;

/**
 * The four sheets of the history template, in the order they are imported (a position names its base,
 * an internship its position, a payment its internship), with their columns: Chinese header, English
 * alias, required.
 */
public enum HistorySheet {
    BASES("见习基地", "BASE", List.of(
            new Column("统一社会信用代码", "creditCode", true), new Column("单位名称", "name", true),
            new Column("所属行业", "industry", true), new Column("单位性质", "ownership", true),
            new Column("联系人", "contactName", false), new Column("备案通过日期", "approvedOn", true),
            new Column("撤销日期", "revokedOn", false), new Column("撤销原因", "revokeReason", false))),
    POSITIONS("见习岗位", "POSITION", List.of(
            new Column("原系统岗位编号", "legacyId", true), new Column("统一社会信用代码", "creditCode", true),
            new Column("岗位名称", "title", true), new Column("岗位类别", "category", true),
            new Column("招募人数", "headcount", true), new Column("月基本生活费", "monthlyAllowance", true),
            new Column("见习期限（月）", "durationMonths", true), new Column("首次发布日期", "publishedOn", true),
            new Column("报名截止日期", "deadline", false), new Column("关闭日期", "closedOn", false),
            new Column("关闭原因", "closeReason", false))),
    INTERNSHIPS("见习人员", "INTERNSHIP", List.of(
            new Column("原系统见习编号", "legacyId", true), new Column("身份证号", "idNumber", true),
            new Column("姓名", "name", true), new Column("学历", "education", false), new Column("毕业日期", "graduationDate", false),
            new Column("原系统岗位编号", "positionLegacyId", true), new Column("带教老师", "mentorName", true),
            new Column("协议开始日期", "startDate", true), new Column("计划结束日期", "plannedEnd", true),
            new Column("月基本生活费", "monthlyAllowance", true), new Column("状态", "state", true),
            new Column("到岗日期", "arrivedOn", false), new Column("结束日期", "endDate", false),
            new Column("结束原因", "endReason", false), new Column("去向", "outcome", false),
            new Column("就业途径", "outcomeChannel", false))),
    DISBURSEMENTS("补贴拨付", "DISBURSEMENT", List.of(
            new Column("原系统见习编号", "internshipLegacyId", true), new Column("所属月份", "month", true),
            new Column("核定金额", "approvedAmount", true), new Column("拨付日期", "paidOn", true),
            new Column("拨付金额", "amount", true), new Column("资金层级", "fundingLevel", true)));

    /** One column of a sheet. */
    public record Column(String header, String field, boolean required) {
    }

    private final String title;
    private final String kind;
    private final List<Column> columns;

    HistorySheet(String title, String kind, List<Column> columns) {
        this.title = title;
        this.kind = kind;
        this.columns = columns;
    }

    public String title() {
        return title;
    }

    /** The kind of record in history_record. */
    public String kind() {
        return kind;
    }

    public List<Column> columns() {
        return columns;
    }
}
