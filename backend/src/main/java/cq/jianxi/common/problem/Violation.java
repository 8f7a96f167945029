package cq.jianxi.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field-level reason why a request was refused. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Violation", description = "字段级校验错误")
public record Violation(
        @Schema(description = "出错的字段（请求体字段名；文件导入时为 file）", required = true) String field,
        @Schema(description = "错误原因（中文）", required = true) String message,
        @Schema(description = "文件导入时出错的行号（表头为第 1 行）") Integer row,
        @Schema(description = "文件导入时出错的列名") String column) {

    public static Violation of(String field, String message) {
        return new Violation(field, message, null, null);
    }

    public static Violation inFile(int row, String column, String message) {
        return new Violation("file", message, row, column);
    }
}
