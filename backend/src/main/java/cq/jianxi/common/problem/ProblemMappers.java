package cq.jianxi.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Renders every failure as application/problem+json, so clients parse one error shape everywhere. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** What a refusing database constraint means to the user. */
    private static final java.util.Map<String, String> CONSTRAINT_MESSAGES = java.util.Map.of(
            "no_overlapping_internships", "该青年在这段时间已有见习，见习时间不能重叠",
            "subsidy_claim_once_per_month", "该月见习补贴已申领，不能重复申领",
            "base_one_live_filing_per_employer", "该单位已有待审核或已通过的备案",
            "employer_credit_code_key", "该统一社会信用代码已登记",
            "user_account_username_key", "用户名已被使用",
            "application_one_active", "已申请该岗位",
            "youth_id_number_hash_uq", "该身份证号已登记");

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        Response.ResponseBuilder builder = respond(e.status(), e.type(), e.title(), e.getMessage(),
                uri, e.violations().isEmpty() ? null : e.violations());
        if (e.retryAfterSeconds() != null) {
            builder.header("Retry-After", e.retryAfterSeconds());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> Violation.of(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + "：" + v.message()).collect(Collectors.joining("；"));
        return respond(400, "urn:jianxi:problem:validation", "请求参数不合法", detail, uri, violations).build();
    }

    /*
     * Jackson's own mappers (quarkus-rest-jackson) answer a body of the wrong shape with a plain JSON
     * body; these more specific mappers keep every refusal problem+json and name the field.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            // Collections add a node without a field name for their element: the field is its owner.
            field = mismatch.getPath().stream()
                    .filter(ref -> ref.getFieldName() != null || ref.getIndex() >= 0)
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            if (field.isEmpty()) {
                field = "body";
            }
        }
        String message = e instanceof InvalidFormatException ? "取值格式不正确" : "请求体不是合法的 JSON 或字段类型不符";
        return respond(400, "urn:jianxi:problem:validation", "请求参数不合法", message, uri,
                List.of(Violation.of(field, message))).build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return respond(401, "urn:jianxi:problem:unauthorized", "未登录或登录已失效", "请重新登录", uri, null)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "urn:jianxi:problem:forbidden", "无权访问", "当前角色无权执行此操作", uri, null).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // A parameter converter refuses a value with the problem naming the parameter (see ParameterConverters).
        if (e.getCause() instanceof ApiProblem problem) {
            return apiProblem(problem, uri);
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        // The framework's own messages are English and internal; clients get a Chinese explanation instead.
        String title = switch (status) {
            case 404 -> "资源不存在";
            case 405 -> "不支持的请求方法";
            case 406, 415 -> "不支持的内容类型";
            default -> status >= 500 ? "服务器内部错误" : "请求无法处理";
        };
        String detail = switch (status) {
            case 404 -> "未找到请求的资源：" + (uri == null ? "" : uri.getPath());
            case 405 -> "该地址不支持此请求方法";
            case 406 -> "无法以请求的格式返回结果";
            case 415 -> "不支持的请求内容类型";
            default -> status >= 500 ? "服务暂时不可用，请稍后再试" : "请求无法处理，请检查参数";
        };
        return respond(status, "about:blank", title, detail, uri, null).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // A database constraint that code did not anticipate (e.g. two requests racing for one unique
        // value) is the client's conflict, not a server failure; nothing was written.
        for (Throwable t = e; t != null; t = t.getCause()) {
            String constraint = null;
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("23")) {
                constraint = pg.getConstraint();
            } else if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                constraint = cve.getConstraintName() != null ? cve.getConstraintName() : constraintIn(cve.getMessage());
            }
            if (constraint != null) {
                LOG.debugf("Constraint %s refused a write on %s", constraint, uri.getPath());
                return respond(409, "urn:jianxi:problem:conflict", "状态冲突",
                        CONSTRAINT_MESSAGES.getOrDefault(constraint, "数据与现有记录冲突（" + constraint + "），请刷新后重试"),
                        uri, null).build();
            }
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(500, "about:blank", "服务器内部错误", "服务暂时不可用，请稍后再试", uri, null).build();
    }

    /** Exclusion and check violations carry the constraint's name only in the message. */
    private static String constraintIn(String message) {
        java.util.regex.Matcher m = message == null ? null
                : java.util.regex.Pattern.compile("constraint \"([^\"]+)\"").matcher(message);
        return m != null && m.find() ? m.group(1) : "unique";
    }

    private static Response.ResponseBuilder respond(int status, String type, String title, String detail,
                                                    UriInfo uri, List<Violation> violations) {
        Problem problem = new Problem(type, title, status, detail, uri == null ? null : uri.getPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // Bean validation paths look like "login.request.password": the client knows only the last node.
        String last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node.getName();
        }
        return last == null ? "body" : last;
    }
}
