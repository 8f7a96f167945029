package cq.jianxi.identity.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import cq.jianxi.common.security.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The signed-in user as the terminals need it: who, which role, which scope. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "UserView", description = "当前用户及其数据范围")
public record UserView(
        @Schema(description = "用户编号（外部身份认证时为空）") Long id,
        @Schema(description = "用户名", required = true) String username,
        @Schema(description = "显示名称", required = true) String displayName,
        @Schema(description = "角色", required = true) Role role,
        @Schema(description = "角色中文名称", required = true) String roleLabel,
        @Schema(description = "所属区县代码（区县管理员）") String regionCode,
        @Schema(description = "所属区县名称") String regionName,
        @Schema(description = "所属市级部门代码（部门用户）") String departmentCode,
        @Schema(description = "所属市级部门名称") String departmentName,
        @Schema(description = "所属见习基地编号（基地用户）") Long baseId,
        @Schema(description = "所属见习基地名称（基地用户）") String baseName,
        @Schema(description = "所属见习基地备案状态：PENDING 待审核、APPROVED 已备案、REJECTED 未通过（基地用户）") String baseStatus,
        @Schema(description = "青年人员编号（青年用户）") Long youthId,
        @Schema(description = "为 true 时本会话只能修改密码（密码已过期或已被管理员重置）", required = true) boolean passwordChangeRequired) {
}
