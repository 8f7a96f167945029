package cq.jianxi.common.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects every field problem of a request so the client learns all of them at once. */
public final class Checks {

    private final List<Violation> violations = new ArrayList<>();

    public Checks check(boolean ok, String field, String message) {
        if (!ok) {
            violations.add(Violation.of(field, message));
        }
        return this;
    }

    /** Adds the problem when non-null (for validators that return a reason or null). */
    public Checks problem(String field, String messageOrNull) {
        if (messageOrNull != null) {
            violations.add(Violation.of(field, messageOrNull));
        }
        return this;
    }

    public Checks notBlank(String field, String value, int maxLength, String label) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.of(field, "请填写" + label));
        } else if (value.length() > maxLength) {
            violations.add(Violation.of(field, label + "不能超过 " + maxLength + " 个字符"));
        }
        return this;
    }

    /** The deepest row a page may start at: beyond it paging is no way to read a list (and offsets would overflow). */
    public static final long MAX_OFFSET = 1_000_000;

    /** Page numbers start at 0 and stop at {@link #MAX_OFFSET} rows; page sizes run from 1 to {@code maxSize}. */
    public Checks page(int page, int size, int maxSize) {
        check(page >= 0, "page", "页码不能为负数");
        check(size >= 1 && size <= maxSize, "size", "每页条数须在 1 到 " + maxSize + " 之间");
        check(page < 0 || size < 1 || (long) page * size <= MAX_OFFSET, "page",
                "页码过大：最多可翻到第 " + MAX_OFFSET + " 条，请缩小查询范围");
        return this;
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    public void throwIfAny() {
        throwIfAny("填写有误", ApiProblem::badRequest);
    }

    /** The same for checks of business rules the contract cannot state (ADR 0020): type urn:jianxi:problem:rule. */
    public void throwIfAnyRuleBroken() {
        throwIfAny("不符合规则", ApiProblem::rule);
    }

    private void throwIfAny(String what, java.util.function.BiFunction<String, List<Violation>, ApiProblem> problem) {
        if (!violations.isEmpty()) {
            String detail = violations.size() == 1 ? violations.get(0).message()
                    : "共 " + violations.size() + " 处" + what + "：" + violations.get(0).message() + " 等";
            throw problem.apply(detail, List.copyOf(violations));
        }
    }

    /** Parses an enum code, recording a violation naming the field when it is not one of the values. */
    public <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, String label) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.of(field, "请选择" + label));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of(field, label + "取值不正确：" + value));
            return null;
        }
    }
}
