package cq.jianxi.position.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import cq.jianxi.position.domain.Position;
import cq.jianxi.position.repository.PositionQueries;
import cq.jianxi.position.service.PositionSearch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of the position API. */
public final class PositionViews {

    private PositionViews() {
    }

    @Schema(name = "PositionDraft", description = "岗位内容（新建或修改草稿）")
    public record PositionDraftBody(
            @Schema(description = "岗位名称", required = true) String title,
            @Schema(description = "岗位类别：RESEARCH 科研类、TECHNICAL 技术技能类、SOCIAL_SERVICE 社会服务类、MANAGEMENT 管理类、OTHER 其他", required = true, implementation = cq.jianxi.position.domain.PositionCategory.class) String category,
            @Schema(description = "招募人数（大于 0）", required = true, minimum = "1", maximum = "100000") Integer headcount,
            @Schema(description = "学历要求：ANY 不限、SECONDARY 中专/高中、JUNIOR_COLLEGE 大专、BACHELOR 本科、MASTER 硕士、DOCTOR 博士", required = true, implementation = cq.jianxi.position.domain.Education.class) String education,
            @Schema(description = "专业要求（可空）") String majors,
            @Schema(description = "岗位描述", required = true) String description,
            @Schema(description = "工作地区县代码", required = true, pattern = cq.jianxi.common.validation.Formats.REGION_CODE) String regionCode,
            @Schema(description = "月基本生活费（元，两位小数）", required = true, minimum = "0") BigDecimal monthlyAllowance,
            @Schema(description = "见习期限（3–12 个月）", required = true, minimum = "3", maximum = "12") Integer durationMonths,
            @Schema(description = "报名截止日期（含当天）", required = true) LocalDate deadline,
            @Schema(description = "计入的市级部门募集任务代码（可空）：KJJ 须为科研类；JXW、GZW 须为技术技能类；MZJ 须为社会服务类；GZW 仅限国有企业") String departmentCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Position", description = "见习岗位")
    public record PositionView(
            @Schema(description = "岗位编号", required = true) long id,
            @Schema(description = "所属见习基地编号", required = true) long baseId,
            @Schema(description = "见习基地名称", required = true) String baseName,
            @Schema(description = "用人单位名称", required = true) String employerName,
            @Schema(description = "岗位名称", required = true) String title,
            @Schema(description = "岗位类别代码", required = true) String category,
            @Schema(description = "岗位类别（中文）", required = true) String categoryLabel,
            @Schema(description = "招募人数", required = true) int headcount,
            @Schema(description = "已录用人数", required = true) int filledCount,
            @Schema(description = "学历要求代码", required = true) String education,
            @Schema(description = "学历要求（中文）", required = true) String educationLabel,
            @Schema(description = "专业要求", required = true) String majors,
            @Schema(description = "岗位描述", required = true) String description,
            @Schema(description = "工作地区县代码", required = true, pattern = cq.jianxi.common.validation.Formats.REGION_CODE) String regionCode,
            @Schema(description = "工作地区县名称", required = true) String regionName,
            @Schema(description = "月基本生活费（元）", required = true) BigDecimal monthlyAllowance,
            @Schema(description = "见习期限（月）", required = true) int durationMonths,
            @Schema(description = "报名截止日期", required = true) LocalDate deadline,
            @Schema(description = "计入的市级部门募集任务代码") String departmentCode,
            @Schema(description = "状态：DRAFT 草稿、SUBMITTED 待审核、PUBLISHED 已发布、REJECTED 已驳回、CLOSED 已关闭", required = true) String status,
            @Schema(description = "状态（中文）", required = true) String statusLabel,
            @Schema(description = "驳回理由") String rejectReason,
            @Schema(description = "关闭原因：FILLED 已招满、EXPIRED 已过截止日期、WITHDRAWN 基地撤回、BASE_REVOKED 基地备案已撤销") String closeReason,
            @Schema(description = "首次发布时间（决定计入哪一年的募集数）") OffsetDateTime firstPublishedAt,
            @Schema(description = "最近修改时间", required = true) OffsetDateTime updatedAt,
            @Schema(description = "提示：单位已吊销或注销时显示") String warning,
            @Schema(description = "基地的示范级别：ORDINARY 普通、DISTRICT 区级示范、CITY 市级示范、NATIONAL 国家级示范", required = true) String baseLevel,
            @Schema(description = "示范级别的说明（如“2025年度市级示范见习基地”）；普通基地不返回") String baseLevelLabel) {

        public static PositionView of(PositionQueries.Row row) {
            Position p = row.position();
            String warning = row.operatingStatus() != null && row.operatingStatus().deregistered()
                    ? "用人单位经营状态为“" + row.operatingStatus().label() + "”，不能发布岗位" : null;
            return new PositionView(p.id, p.baseId, row.baseName(), row.employerName(), p.title, p.category.name(),
                    p.category.label(), p.headcount, p.filledCount, p.education.name(), p.education.label(), p.majors,
                    p.description, p.regionCode, row.regionName(), p.monthlyAllowance, p.durationMonths, p.deadline,
                    p.departmentCode, p.status.name(), p.status.label(), p.rejectReason,
                    p.closeReason == null ? null : p.closeReason.name(), p.firstPublishedAt, p.updatedAt, warning,
                    row.baseLevel() == null ? "ORDINARY" : row.baseLevel().name(), levelLabel(row));
        }

        private static String levelLabel(PositionQueries.Row row) {
            if (row.baseLevel() == null || row.baseLevel() == cq.jianxi.organization.domain.BaseLevel.ORDINARY) {
                return null;
            }
            return (row.baseLevelYear() == null ? "" : row.baseLevelYear() + "年度") + row.baseLevel().label() + "见习基地";
        }
    }

    @Schema(name = "PositionPage", description = "岗位分页结果")
    public record PositionPageView(
            @Schema(description = "本页条目", required = true) List<PositionView> items,
            @Schema(description = "总条数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {

        static PositionPageView of(PositionSearch.Page p) {
            return new PositionPageView(p.items().stream().map(PositionView::of).toList(), p.total(), p.page(), p.size());
        }
    }

    @Schema(name = "PositionRejectRequest", description = "驳回岗位")
    public record RejectBody(@Schema(description = "驳回理由（必填）", required = true) String reason) {
    }
}
