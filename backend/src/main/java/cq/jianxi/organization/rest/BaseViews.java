package cq.jianxi.organization.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.Employer;
import cq.jianxi.organization.service.BaseRegistry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of the base filing API. */
public final class BaseViews {

    private BaseViews() {
    }

    @Schema(name = "FilingApplication", description = "见习基地备案申请（单位自主申请、市级部门推荐或区县直接备案）")
    public record FilingApplication(
            @Schema(description = "统一社会信用代码（18 位，GB 32100-2015 校验）", required = true, examples = "91500000MA5U7QXX0K", pattern = cq.jianxi.common.validation.Formats.CREDIT_CODE) String creditCode,
            @Schema(description = "单位名称", required = true) String employerName,
            @Schema(description = "单位所在区县代码（审核由该区县人社局负责）", required = true, pattern = cq.jianxi.common.validation.Formats.REGION_CODE) String regionCode,
            @Schema(description = "所属行业", required = true) String industry,
            @Schema(description = "单位性质：STATE_OWNED 国有、PRIVATE 民营、FOREIGN 外资、PUBLIC_INSTITUTION 事业单位、SOCIAL_ORGANIZATION 社会组织、OTHER 其他", required = true, implementation = cq.jianxi.organization.domain.Ownership.class) String ownership,
            @Schema(description = "所属重点企业类别代码（附件3），可为空") List<String> keyCategories,
            @Schema(description = "联系人姓名", required = true) String contactName,
            @Schema(description = "联系电话（手机号或带区号的固定电话）；加密存储，默认脱敏显示", required = true, pattern = cq.jianxi.common.validation.Formats.PHONE) String contactPhone,
            @Schema(description = "单位地址") String address,
            @Schema(description = "基地账户用户名（单位自主申请时必填；部门推荐、区县备案时可选）", pattern = cq.jianxi.common.validation.Formats.USERNAME) String username,
            @Schema(description = "基地账户密码：至少 8 位，含大写字母、小写字母、数字、符号中的至少 3 类", minLength = 8, maxLength = 72) String password) {
    }

    @Schema(name = "RejectRequest", description = "驳回请求")
    public record RejectRequest(@Schema(description = "驳回理由（必填，最多 500 字）", required = true) String reason) {
    }

    @Schema(name = "OperatingStatusRequest", description = "更新用人单位经营状态")
    public record OperatingStatusRequest(
            @Schema(description = "经营状态：EXISTING 存续、OPERATING 在业、REVOKED 吊销、DEREGISTERED 注销、MOVED_OUT 迁出", required = true, implementation = cq.jianxi.organization.domain.OperatingStatus.class) String status) {
    }

    @Schema(name = "Employer", description = "用人单位")
    public record EmployerView(
            @Schema(description = "单位编号", required = true) long id,
            @Schema(description = "统一社会信用代码", required = true) String creditCode,
            @Schema(description = "单位名称", required = true) String name,
            @Schema(description = "所在区县代码", required = true) String regionCode,
            @Schema(description = "所属行业", required = true) String industry,
            @Schema(description = "单位性质代码", required = true) String ownership,
            @Schema(description = "单位性质（中文）", required = true) String ownershipLabel,
            @Schema(description = "经营状态代码", required = true) String operatingStatus,
            @Schema(description = "经营状态（中文）", required = true) String operatingStatusLabel,
            @Schema(description = "重点企业类别代码（附件3）", required = true) List<String> keyCategories) {

        static EmployerView of(Employer e, List<String> categories) {
            return new EmployerView(e.id, e.creditCode, e.name, e.regionCode, e.industry, e.ownership.name(),
                    e.ownership.label(), e.operatingStatus.name(), e.operatingStatus.label(), categories);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Base", description = "见习基地（备案记录）")
    public record BaseView(
            @Schema(description = "基地编号", required = true) long id,
            @Schema(description = "基地名称（单位名称）", required = true) String name,
            @Schema(description = "所在区县代码", required = true) String regionCode,
            @Schema(description = "备案状态：PENDING 待审核、APPROVED 已备案、REJECTED 未通过、REVOKED 已撤销备案", required = true, implementation = cq.jianxi.organization.domain.BaseStatus.class) String status,
            @Schema(description = "备案状态（中文）", required = true) String statusLabel,
            @Schema(description = "基地级别：ORDINARY 普通、DISTRICT 区级示范、CITY 市级示范、NATIONAL 国家级示范", required = true) String level,
            @Schema(description = "基地级别（中文）", required = true) String levelLabel,
            @Schema(description = "给出该级别的评估年度；普通基地为空", nullable = true) Integer levelYear,
            @Schema(description = "申请来源：SELF 单位自主申请、DISTRICT 区县直接备案、DEPARTMENT 市级部门推荐", required = true) String source,
            @Schema(description = "推荐部门代码（部门推荐时）") String recommendingDepartmentCode,
            @Schema(description = "联系人", required = true) String contactName,
            @Schema(description = "联系电话；默认脱敏，reveal=true 时为完整号码（查看被审计）", required = true) String contactPhone,
            @Schema(description = "联系电话是否已脱敏", required = true) boolean contactPhoneMasked,
            @Schema(description = "单位地址") String address,
            @Schema(description = "申请时间", required = true) OffsetDateTime appliedAt,
            @Schema(description = "审核时间") OffsetDateTime decidedAt,
            @Schema(description = "审核人") String decidedBy,
            @Schema(description = "驳回理由") String rejectReason,
            @Schema(description = "备案年度（审核通过的年度，计入当年新增见习基地）") Integer filedYear,
            @Schema(description = "提示：单位已吊销或注销时不能发布岗位") String warning,
            @Schema(description = "用人单位", required = true) EmployerView employer,
            @Schema(description = "受理回执编号（JX-区县代码-受理年度-序号），受理时生成，不再改变", required = true, examples = "JX-500101-2026-000123") String receiptNo,
            @Schema(description = "本次提交的审核期限（受理后第 N 个工作日，按节假日安排计算）；已审核或区县直接备案时为空") java.time.LocalDate reviewDeadline,
            @Schema(description = "待审核且已超过审核期限", required = true) boolean overdue,
            @Schema(description = "本次提交时间（首次申请或驳回后重新提交）", required = true) OffsetDateTime submittedAt,
            @Schema(description = "提交轮次：首次申请为 1，每次驳回后重新提交加 1", required = true) int submissionRound) {

        static BaseView of(BaseRegistry.BaseDetails d) {
            Base b = d.base();
            Employer e = d.employer();
            String warning = e.operatingStatus.deregistered()
                    ? "用人单位经营状态为“" + e.operatingStatus.label() + "”，不能发布见习岗位" : null;
            return new BaseView(b.id, b.name, b.regionCode, b.status.name(), b.status.label(), b.level.name(),
                    b.level.label(), b.levelYear, b.source.name(), b.recommendingDepartmentCode, b.contactName, d.contactPhone(),
                    d.contactPhoneMasked(), b.address, b.appliedAt, b.decidedAt, b.decidedBy, b.rejectReason,
                    b.filedYear, warning, EmployerView.of(e, d.keyCategories()), b.receiptNo, b.reviewDeadline, d.overdue(),
                    b.submittedAt, b.submissionRound);
        }
    }

    @Schema(name = "BasePage", description = "见习基地分页结果")
    public record BasePageView(
            @Schema(description = "本页条目", required = true) List<BaseView> items,
            @Schema(description = "总条数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size,
            @Schema(description = "数据范围（及区县过滤）内超过审核期限仍待审核的备案数", required = true) long overdueCount) {

        static BasePageView of(BaseRegistry.BasePage p) {
            return new BasePageView(p.items().stream().map(BaseView::of).toList(), p.total(), p.page(), p.size(),
                    p.overdueCount());
        }
    }
}
