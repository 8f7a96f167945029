package cq.jianxi.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Documents the error contract on every operation: problem+json with field-level violations, so
 * integrators see it in the published file rather than learning it from failures.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** What each refusal means and the problem types it carries, as integrators read them in the contract. */
    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("400", "请求不合法（problem+json）。type 为 urn:jianxi:problem:validation：请求不符合本契约（字段类型、长度、格式、取值、必填），"
                    + "violations 指出字段；type 为 urn:jianxi:problem:rule：请求符合契约但违反业务规则（如日期先后、额度、跨字段关系），violations 指出相关字段"),
            Map.entry("401", "未登录或令牌失效（urn:jianxi:problem:unauthorized）"),
            Map.entry("403", "当前角色或数据范围无权执行（urn:jianxi:problem:forbidden）"),
            Map.entry("404", "对象不存在或不在调用者的数据范围内（urn:jianxi:problem:not-found，或 about:blank）"),
            Map.entry("409", "与对象当前状态或已有记录冲突（urn:jianxi:problem:conflict）"),
            Map.entry("413", "请求体超过大小上限（about:blank）"),
            Map.entry("415", "请求体的内容类型不受支持（about:blank）"),
            Map.entry("422", "文件或内容无法处理（urn:jianxi:problem:unprocessable），violations 列出行号与列"),
            Map.entry("423", "账户已临时锁定（urn:jianxi:problem:account-locked），Retry-After 给出秒数"),
            Map.entry("429", "请求过于频繁（urn:jianxi:problem:rate-limited），Retry-After 给出秒数"),
            Map.entry("503", "依赖的服务暂不可用，Retry-After 给出秒数"));

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        boolean hasPathParameter = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        // What the server answers for any operation of this shape, whether or not its method documents it.
        if (hasParameters || hasBody) {
            addIfMissing(operation, "400");
        }
        if (hasPathParameter) {
            addIfMissing(operation, "404");
        }
        if (hasBody) {
            addIfMissing(operation, "415");
        }
        if (operation.getResponses().getAPIResponse("default") == null) {
            operation.getResponses().addAPIResponse("default", OASFactory.createAPIResponse()
                    .description("其他错误：application/problem+json（RFC 9457）；5xx 表示服务端故障")
                    .content(problemContent()));
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (!code.startsWith("4") && !code.startsWith("5")) {
                return;
            }
            // Every refusal is the one problem body, whatever an annotation said its content was.
            response.content(problemContent());
            String meaning = MEANING.get(code);
            if (meaning != null && (response.getDescription() == null || !response.getDescription().contains("urn:jianxi:problem")
                    && !response.getDescription().contains("about:blank"))) {
                response.description(response.getDescription() == null || response.getDescription().isBlank() ? meaning
                        : response.getDescription() + "。" + meaning);
            }
            if ((code.equals("429") || code.equals("423") || code.equals("503"))
                    && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("可重试前须等待的秒数")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
            }
        });
        return operation;
    }

    private static void addIfMissing(Operation operation, String code) {
        if (operation.getResponses().getAPIResponse(code) == null) {
            operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(MEANING.get(code)));
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().forEach((method, op) -> {
                boolean onAnObject = op.getParameters() != null
                        && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
                if (onAnObject && method != org.eclipse.microprofile.openapi.models.PathItem.HttpMethod.GET && op.getResponses() != null) {
                    // A change to an existing object can meet it in a state that no longer allows the change.
                    addIfMissing(op, "409");
                    op.getResponses().getAPIResponse("409").content(problemContent());
                }
            }));
        }
        if (schemas != null) {
            // The server writes null for a value it does not have and reads null as "not given": an optional
            // property is nullable both ways, and the generated clients must say so.
            schemas.values().forEach(ProblemResponsesFilter::optionalIsNullable);
        }
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

    private static void optionalIsNullable(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getItems() != null) {
            optionalIsNullable(schema.getItems());
        }
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> entry : new java.util.LinkedHashMap<>(schema.getProperties()).entrySet()) {
            Schema property = entry.getValue();
            optionalIsNullable(property);
            if (required.contains(entry.getKey())) {
                continue;
            }
            if (property.getRef() != null) {
                schema.addProperty(entry.getKey(), OASFactory.createSchema()
                        .description(property.getDescription())
                        .anyOf(List.of(OASFactory.createSchema().ref(property.getRef()), nullType())));
            } else if (property.getAnyOf() != null || property.getOneOf() != null) {
                List<Schema> branches = property.getAnyOf() != null ? property.getAnyOf() : property.getOneOf();
                if (branches.stream().noneMatch(b -> b.getType() != null && b.getType().contains(Schema.SchemaType.NULL))) {
                    List<Schema> withNull = new java.util.ArrayList<>(branches);
                    withNull.add(nullType());
                    if (property.getAnyOf() != null) {
                        property.anyOf(withNull);
                    } else {
                        property.oneOf(withNull);
                    }
                }
            } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                List<Schema.SchemaType> types = new java.util.ArrayList<>(property.getType());
                types.add(Schema.SchemaType.NULL);
                property.type(types);
                if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                    List<Object> options = new java.util.ArrayList<>(property.getEnumeration());
                    options.add(null);
                    property.enumeration(options);
                }
            }
        }
    }

    private static Schema nullType() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32").description(description);
    }
}
