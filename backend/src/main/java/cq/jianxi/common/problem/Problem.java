package cq.jianxi.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "错误响应（RFC 9457 application/problem+json）")
public record Problem(
        @Schema(description = "问题类型 URI", required = true) String type,
        @Schema(description = "问题简述", required = true) String title,
        @Schema(description = "HTTP 状态码", required = true) int status,
        @Schema(description = "面向用户的中文说明") String detail,
        @Schema(description = "出错的请求路径") String instance,
        @Schema(description = "字段级校验错误列表") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
