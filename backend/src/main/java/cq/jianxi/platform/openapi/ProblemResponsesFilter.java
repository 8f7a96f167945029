package cq.jianxi.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Documents the error contract on every operation: problem+json with field-level violations, so
 * integrators see it in the published file rather than learning it from failures.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponse("default") == null) {
            APIResponse problem = OASFactory.createAPIResponse()
                    .description("错误：application/problem+json（RFC 9457），校验失败时含 violations 字段列表")
                    .content(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            operation.getResponses().addAPIResponse("default", problem);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            // Every documented refusal carries the problem body; throttling and lockout say when to retry.
            operation.getResponses().getAPIResponses().forEach((code, response) -> {
                if (!code.startsWith("4") && !code.startsWith("5")) {
                    return;
                }
                if (response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty()) {
                    response.content(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
                }
                if ((code.equals("429") || code.equals("423") || code.equals("503"))
                        && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
                    response.addHeader("Retry-After", OASFactory.createHeader()
                            .description("可重试前须等待的秒数")
                            .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
                }
            });
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey("Violation")) {
            openAPI.getComponents().addSchema("Violation", OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.OBJECT))
                    .description("字段级校验错误")
                    .required(List.of("field", "message"))
                    .addProperty("field", text("出错的字段（请求体字段名；文件导入时为 file）"))
                    .addProperty("message", text("错误原因（中文）"))
                    .addProperty("row", integer("文件导入时出错的行号（表头为第 1 行）"))
                    .addProperty("column", text("文件导入时出错的列名")));
        }
        if (schemas == null || !schemas.containsKey("Problem")) {
            openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                    .type(List.of(Schema.SchemaType.OBJECT))
                    .description("错误响应（RFC 9457 application/problem+json）")
                    .required(List.of("type", "title", "status"))
                    .addProperty("type", text("问题类型 URI"))
                    .addProperty("title", text("问题简述"))
                    .addProperty("status", integer("HTTP 状态码"))
                    .addProperty("detail", text("面向用户的中文说明"))
                    .addProperty("instance", text("出错的请求路径"))
                    .addProperty("violations", OASFactory.createSchema()
                            .type(List.of(Schema.SchemaType.ARRAY))
                            .description("字段级校验错误列表")
                            .items(OASFactory.createSchema().ref("#/components/schemas/Violation"))));
        }
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32").description(description);
    }
}
