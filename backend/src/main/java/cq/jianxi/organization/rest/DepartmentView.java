package cq.jianxi.organization.rest;

import cq.jianxi.organization.domain.Department;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A municipal department as the API shows it. */
@Schema(name = "Department", description = "市级部门（附件1）")
public record DepartmentView(
        @Schema(description = "部门代码，如 JW（市教委）", required = true) String code,
        @Schema(description = "部门名称", required = true) String name,
        @Schema(description = "附件1 所列工作任务", required = true) String taskSummary,
        @Schema(description = "岗位募集任务数（无任务时为空）") Integer positionQuota,
        @Schema(description = "募集任务限定的岗位类别（如 科研类；不限时为空）") String positionCategory,
        @Schema(description = "附件1 中的序号", required = true) int seq) {

    static DepartmentView of(Department d) {
        return new DepartmentView(d.code, d.name, d.taskSummary, d.positionQuota, d.positionCategory, d.seq);
    }
}
