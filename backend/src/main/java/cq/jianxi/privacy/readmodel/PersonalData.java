package cq.jianxi.privacy.readmodel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Everything the platform holds about one young person, as they download it (PIPL art. 45). */
@Schema(name = "PersonalDataExport", description = "本人数据：平台保存的关于本人的全部信息（身份证号、手机号为完整值）")
public record PersonalData(
            @Schema(description = "导出时间", required = true) OffsetDateTime exportedAt,
            @Schema(description = "说明", required = true) String notice,
            @Schema(description = "实名登记信息", required = true) Profile profile,
            @Schema(description = "账户", required = true) Account account,
            @Schema(description = "同意记录", required = true) List<Consent> consents,
            @Schema(description = "见习申请", required = true) List<Application> applications,
            @Schema(description = "见习记录（含每月在岗确认、跟踪回访）", required = true) List<Internship> internships,
            @Schema(description = "以本人见习申领的补贴及拨付", required = true) List<SubsidyClaim> subsidyClaims,
            @Schema(description = "活动报名", required = true) List<Signup> activitySignups,
            @Schema(description = "服务记录（岗位推送、职业指导等）", required = true) List<Service> services,
            @Schema(description = "消息", required = true) List<Message> notifications,
            @Schema(description = "个人信息删除申请", required = true) List<Deletion> deletionRequests,
            @Schema(description = "审计记录：本人的操作，以及工作人员对本人登记信息的操作（如查看完整信息）", required = true) List<AuditTrail> auditTrail) {

    /** The registry record, decrypted. */
    @Schema(name = "PersonalDataProfile", description = "实名登记信息")
    public record Profile(
            @Schema(description = "登记编号", required = true) long id,
            @Schema(description = "姓名", required = true) String name,
            @Schema(description = "完整身份证号") String idNumber,
            @Schema(description = "完整手机号") String phone,
            @Schema(description = "出生日期") LocalDate birthDate,
            @Schema(description = "M 男，F 女") String sex,
            @Schema(description = "居住区县代码") String regionCode,
            @Schema(description = "居住区县") String regionName,
            @Schema(description = "学历") String education,
            @Schema(description = "毕业学校") String school,
            @Schema(description = "专业") String major,
            @Schema(description = "毕业日期") LocalDate graduationDate,
            @Schema(description = "当前状态：UNEMPLOYED 未就业，EMPLOYED 已就业，STUDYING 在读") String currentStatus,
            @Schema(description = "是否有见习意愿", required = true) boolean internshipIntention,
            @Schema(description = "是否有培训意愿", required = true) boolean trainingIntention,
            @Schema(description = "意向区县代码", required = true) List<String> preferredRegions,
            @Schema(description = "意向岗位类别", required = true) List<String> preferredCategories,
            @Schema(description = "困难类别", required = true) List<String> hardship,
            @Schema(description = "来源：SELF 本人注册，ROSTER 教育部门共享名单，STAFF 工作人员录入") String source,
            @Schema(description = "登记时间") OffsetDateTime createdAt,
            @Schema(description = "最后修改时间") OffsetDateTime updatedAt) {
    }

    @Schema(name = "PersonalDataAccount", description = "账户")
    public record Account(
            @Schema(description = "用户名") String username,
            @Schema(description = "显示名称") String displayName,
            @Schema(description = "开户时间") OffsetDateTime createdAt,
            @Schema(description = "账户是否启用", required = true) boolean enabled) {
    }

    @Schema(name = "PersonalDataConsent", description = "同意记录")
    public record Consent(
            @Schema(description = "同意事项", required = true) String kind,
            @Schema(description = "所同意文本的版本号", required = true) String textVersion,
            @Schema(description = "所同意文本的标题") String title,
            @Schema(description = "同意时间", required = true) OffsetDateTime acceptedAt,
            @Schema(description = "同意时的 IP 地址") String ip) {
    }

    @Schema(name = "PersonalDataApplication", description = "见习申请")
    public record Application(
            @Schema(description = "申请编号", required = true) long id,
            @Schema(description = "岗位名称") String positionTitle,
            @Schema(description = "见习基地") String baseName,
            @Schema(description = "状态", required = true) String status,
            @Schema(description = "面试时间") OffsetDateTime interviewAt,
            @Schema(description = "面试地点") String interviewPlace,
            @Schema(description = "未录用原因") String rejectReason,
            @Schema(description = "投递时间") OffsetDateTime createdAt,
            @Schema(description = "最后变更时间") OffsetDateTime updatedAt) {
    }

    @Schema(name = "PersonalDataInternship", description = "见习记录")
    public record Internship(
            @Schema(description = "见习编号", required = true) long id,
            @Schema(description = "岗位名称") String positionTitle,
            @Schema(description = "见习基地") String baseName,
            @Schema(description = "见习所在区县代码") String regionCode,
            @Schema(description = "状态", required = true) String state,
            @Schema(description = "协议开始日期") LocalDate startDate,
            @Schema(description = "协议结束日期") LocalDate plannedEnd,
            @Schema(description = "到岗日期") LocalDate arrivedOn,
            @Schema(description = "实际结束日期") LocalDate actualEnd,
            @Schema(description = "每月生活补助（元）") BigDecimal monthlyAllowance,
            @Schema(description = "带教老师") String mentorName,
            @Schema(description = "结束或未到岗原因") String endReason,
            @Schema(description = "见习去向") String outcome,
            @Schema(description = "就业渠道") String outcomeChannel,
            @Schema(description = "去向日期") LocalDate outcomeDate,
            @Schema(description = "协议签订时间") OffsetDateTime agreementSignedAt,
            @Schema(description = "来源：ONLINE 线上、OFFLINE 区县补录、MIGRATED 原系统导入") String origin,
            @Schema(description = "每月在岗确认", required = true) List<Month> months,
            @Schema(description = "跟踪回访", required = true) List<FollowUp> followUps) {
    }

    @Schema(name = "PersonalDataInternshipMonth", description = "每月在岗确认")
    public record Month(
            @Schema(description = "月份（每月 1 日）", required = true) LocalDate month,
            @Schema(description = "在岗天数") Integer daysPresent,
            @Schema(description = "基地确认时间") OffsetDateTime baseConfirmedAt,
            @Schema(description = "本人确认时间") OffsetDateTime youthConfirmedAt,
            @Schema(description = "本人标记未在岗时间") OffsetDateTime youthFlaggedAt,
            @Schema(description = "本人标记的原因") String youthFlagReason) {
    }

    @Schema(name = "PersonalDataFollowUp", description = "见习结束后的跟踪回访")
    public record FollowUp(
            @Schema(description = "见习结束后第几个月（3 或 6）", required = true) int months,
            @Schema(description = "是否就业", required = true) boolean employed,
            @Schema(description = "回访备注") String note,
            @Schema(description = "记录时间") OffsetDateTime recordedAt) {
    }

    @Schema(name = "PersonalDataSubsidyClaim", description = "补贴申领及拨付")
    public record SubsidyClaim(
            @Schema(description = "申领编号", required = true) long id,
            @Schema(description = "见习编号", required = true) long internshipId,
            @Schema(description = "补贴月份", required = true) LocalDate month,
            @Schema(description = "状态", required = true) String status,
            @Schema(description = "申领金额（元）") BigDecimal requestedAmount,
            @Schema(description = "核定金额（元）") BigDecimal approvedAmount,
            @Schema(description = "驳回原因") String rejectReason,
            @Schema(description = "申领时间") OffsetDateTime submittedAt,
            @Schema(description = "审核时间") OffsetDateTime decidedAt,
            @Schema(description = "拨付记录", required = true) List<Disbursement> disbursements) {
    }

    @Schema(name = "PersonalDataDisbursement", description = "补贴拨付")
    public record Disbursement(
            @Schema(description = "拨付日期", required = true) LocalDate paidOn,
            @Schema(description = "拨付金额（元）", required = true) BigDecimal amount,
            @Schema(description = "CENTRAL 中央、CITY 市级、DISTRICT 区县", required = true) String fundingLevel) {
    }

    @Schema(name = "PersonalDataSignup", description = "活动报名")
    public record Signup(
            @Schema(description = "活动编号", required = true) long activityId,
            @Schema(description = "活动名称") String title,
            @Schema(description = "活动类型") String kind,
            @Schema(description = "举办日期") LocalDate heldOn,
            @Schema(description = "报名时间") OffsetDateTime signedUpAt) {
    }

    @Schema(name = "PersonalDataService", description = "服务记录")
    public record Service(
            @Schema(description = "服务类型", required = true) String kind,
            @Schema(description = "推送的岗位") String positionTitle,
            @Schema(description = "服务备注") String note,
            @Schema(description = "服务区县代码") String regionCode,
            @Schema(description = "服务时间") OffsetDateTime servedAt) {
    }

    @Schema(name = "PersonalDataMessage", description = "消息")
    public record Message(
            @Schema(description = "标题", required = true) String title,
            @Schema(description = "内容", required = true) String body,
            @Schema(description = "链接") String link,
            @Schema(description = "发送时间") OffsetDateTime createdAt,
            @Schema(description = "阅读时间") OffsetDateTime readAt) {
    }

    @Schema(name = "PersonalDataDeletion", description = "个人信息删除申请")
    public record Deletion(
            @Schema(description = "申请编号", required = true) long id,
            @Schema(description = "状态", required = true) String status,
            @Schema(description = "申请原因") String reason,
            @Schema(description = "申请时间") OffsetDateTime requestedAt,
            @Schema(description = "办理时间") OffsetDateTime decidedAt,
            @Schema(description = "驳回原因") String rejectReason) {
    }

    @Schema(name = "PersonalDataAuditEntry", description = "审计记录")
    public record AuditTrail(
            @Schema(description = "时间", required = true) OffsetDateTime at,
            @Schema(description = "动作代码", required = true) String action,
            @Schema(description = "动作名称", required = true) String actionLabel,
            @Schema(description = "true：本人的操作；false：工作人员对本人信息的操作", required = true) boolean byMe,
            @Schema(description = "操作人角色") String actorRole,
            @Schema(description = "补充说明") String detail,
            @Schema(description = "来源 IP（仅本人的操作）") String ip) {
    }
}
