package cq.jianxi.common.problem;

import java.util.List;

/** A refusal that the API reports as problem+json; thrown from services, rendered by ProblemMappers. */
public class ApiProblem extends RuntimeException {

    /** The problem type of a request the contract allows but a business rule refuses (ADR 0020). */
    public static final String RULE = "urn:jianxi:problem:rule";

    private final int status;
    private final String type;
    private final String title;
    private final transient List<Violation> violations;
    private final Long retryAfterSeconds;

    public ApiProblem(int status, String type, String title, String detail, List<Violation> violations, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiProblem badRequest(String detail, List<Violation> violations) {
        return new ApiProblem(400, "urn:jianxi:problem:validation", "请求参数不合法", detail, violations, null);
    }

    public static ApiProblem invalidField(String field, String message) {
        return badRequest(message, List.of(Violation.of(field, message)));
    }

    /** The request meets the contract but breaks a business rule (dates in order, a quota, a relation between fields). */
    public static ApiProblem rule(String detail, List<Violation> violations) {
        return new ApiProblem(400, RULE, "不符合业务规则", detail, violations, null);
    }

    public static ApiProblem ruleAt(String field, String message) {
        return rule(message, List.of(Violation.of(field, message)));
    }

    public static ApiProblem unprocessable(String detail, List<Violation> violations) {
        return new ApiProblem(422, "urn:jianxi:problem:unprocessable", "内容无法处理", detail, violations, null);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "urn:jianxi:problem:unauthorized", "未登录或登录已失效", detail, null, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "urn:jianxi:problem:forbidden", "无权访问", detail, null, null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "urn:jianxi:problem:not-found", "资源不存在", detail, null, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "urn:jianxi:problem:conflict", "状态冲突", detail, null, null);
    }

    /** A conflict with one field's value (e.g. a credit code already filed), named so the form can show it there. */
    public static ApiProblem conflictAt(String field, String message) {
        return new ApiProblem(409, "urn:jianxi:problem:conflict", "状态冲突", message, List.of(Violation.of(field, message)), null);
    }

    public static ApiProblem locked(String detail, long retryAfterSeconds) {
        return new ApiProblem(423, "urn:jianxi:problem:account-locked", "账户已临时锁定", detail, null, retryAfterSeconds);
    }

    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(429, "urn:jianxi:problem:rate-limited", "请求过于频繁", detail, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
