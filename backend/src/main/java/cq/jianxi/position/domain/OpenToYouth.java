package cq.jianxi.position.domain;

import cq.jianxi.organization.domain.BaseStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The positions young people see and may apply to: published, open on {@code today}, of an approved
 * base, and paying at least the year's living-allowance floor ({@code allowanceFloor}; null when no
 * year has rates). The rule is written here once, in the three forms its callers need.
 */
public record OpenToYouth(LocalDate today, BigDecimal allowanceFloor) {

    /** A query condition and the named parameters it needs (all prefixed {@code open_}). */
    public record Condition(String sql, Map<String, Object> params) {
    }

    /** As HQL over a Position {@code p} joined with its Base {@code b}. */
    public Condition hql() {
        Map<String, Object> params = new HashMap<>();
        params.put("open_published", PositionStatus.PUBLISHED);
        params.put("open_today", today);
        params.put("open_approved", BaseStatus.APPROVED);
        String sql = "p.status = :open_published and p.deadline >= :open_today and b.status = :open_approved";
        if (allowanceFloor != null) {
            sql += " and p.monthlyAllowance >= :open_floor";
            params.put("open_floor", allowanceFloor);
        }
        return new Condition(sql, params);
    }

    /** As native SQL over the position table aliased {@code p}. */
    public Condition nativeSql(String p) {
        Map<String, Object> params = new HashMap<>();
        params.put("open_today", today);
        String sql = p + ".status = '" + PositionStatus.PUBLISHED.name() + "' and " + p + ".deadline >= :open_today"
                + " and exists (select 1 from base open_b where open_b.id = " + p + ".base_id and open_b.status = '"
                + BaseStatus.APPROVED.name() + "')";
        if (allowanceFloor != null) {
            sql += " and " + p + ".monthly_allowance >= :open_floor";
            params.put("open_floor", allowanceFloor);
        }
        return new Condition("(" + sql + ")", params);
    }

    /** Why a young person may not apply to the position of a base in {@code baseStatus}, or null. */
    public String refusal(Position position, BaseStatus baseStatus) {
        if (position.status != PositionStatus.PUBLISHED || position.deadline.isBefore(today)) {
            return "该岗位已停止招募";
        }
        if (baseStatus != BaseStatus.APPROVED) {
            return "该岗位所属见习基地的备案已撤销或未通过，不能申请";
        }
        if (allowanceFloor != null && position.monthlyAllowance.compareTo(allowanceFloor) < 0) {
            return "该岗位的月基本生活费低于本年度最低标准，暂不能申请";
        }
        return null;
    }
}
