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
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(description = "完整身份证号") String idNumber,
            @Schema(description = "完整手机号") String phone,
            LocalDate birthDate,
            @Schema(description = "M 男，F 女") String sex,
            String regionCode,
            String regionName,
            String education,
            String school,
            String major,
            LocalDate graduationDate,
            String currentStatus,
            @Schema(required = true) boolean internshipIntention,
            @Schema(required = true) boolean trainingIntention,
            @Schema(required = true) List<String> preferredRegions,
            @Schema(required = true) List<String> preferredCategories,
            @Schema(description = "困难类别", required = true) List<String> hardship,
            @Schema(description = "来源：SELF 本人注册，ROSTER 教育部门共享名单，STAFF 工作人员录入") String source,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "PersonalDataAccount", description = "账户")
    public record Account(String username, String displayName, OffsetDateTime createdAt, @Schema(required = true) boolean enabled) {
    }

    @Schema(name = "PersonalDataConsent", description = "同意记录")
    public record Consent(@Schema(required = true) String kind, @Schema(required = true) String textVersion, String title,
                          @Schema(required = true) OffsetDateTime acceptedAt, String ip) {
    }

    @Schema(name = "PersonalDataApplication", description = "见习申请")
    public record Application(@Schema(required = true) long id, String positionTitle, String baseName,
                              @Schema(required = true) String status, OffsetDateTime interviewAt, String interviewPlace,
                              String rejectReason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @Schema(name = "PersonalDataInternship", description = "见习记录")
    public record Internship(@Schema(required = true) long id, String positionTitle, String baseName, String regionCode,
                             @Schema(required = true) String state, LocalDate startDate, LocalDate plannedEnd, LocalDate arrivedOn,
                             LocalDate actualEnd, BigDecimal monthlyAllowance, String mentorName, String endReason, String outcome,
                             String outcomeChannel, LocalDate outcomeDate, OffsetDateTime agreementSignedAt, String origin,
                             @Schema(required = true) List<Month> months, @Schema(required = true) List<FollowUp> followUps) {
    }

    @Schema(name = "PersonalDataInternshipMonth", description = "每月在岗确认")
    public record Month(@Schema(required = true) LocalDate month, Integer daysPresent, OffsetDateTime baseConfirmedAt,
                        OffsetDateTime youthConfirmedAt, OffsetDateTime youthFlaggedAt, String youthFlagReason) {
    }

    @Schema(name = "PersonalDataFollowUp", description = "见习结束后的跟踪回访")
    public record FollowUp(@Schema(required = true) int months, @Schema(required = true) boolean employed, String note,
                           OffsetDateTime recordedAt) {
    }

    @Schema(name = "PersonalDataSubsidyClaim", description = "补贴申领及拨付")
    public record SubsidyClaim(@Schema(required = true) long id, @Schema(required = true) long internshipId,
                               @Schema(required = true) LocalDate month, @Schema(required = true) String status,
                               BigDecimal requestedAmount, BigDecimal approvedAmount, String rejectReason,
                               OffsetDateTime submittedAt, OffsetDateTime decidedAt,
                               @Schema(required = true) List<Disbursement> disbursements) {
    }

    @Schema(name = "PersonalDataDisbursement", description = "补贴拨付")
    public record Disbursement(@Schema(required = true) LocalDate paidOn, @Schema(required = true) BigDecimal amount,
                               @Schema(description = "CENTRAL 中央、CITY 市级、DISTRICT 区县", required = true) String fundingLevel) {
    }

    @Schema(name = "PersonalDataSignup", description = "活动报名")
    public record Signup(@Schema(required = true) long activityId, String title, String kind, LocalDate heldOn,
                         OffsetDateTime signedUpAt) {
    }

    @Schema(name = "PersonalDataService", description = "服务记录")
    public record Service(@Schema(required = true) String kind, String positionTitle, String note, String regionCode,
                          OffsetDateTime servedAt) {
    }

    @Schema(name = "PersonalDataMessage", description = "消息")
    public record Message(@Schema(required = true) String title, @Schema(required = true) String body, String link,
                          OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    @Schema(name = "PersonalDataDeletion", description = "个人信息删除申请")
    public record Deletion(@Schema(required = true) long id, @Schema(required = true) String status, String reason,
                           OffsetDateTime requestedAt, OffsetDateTime decidedAt, String rejectReason) {
    }

    @Schema(name = "PersonalDataAuditEntry", description = "审计记录")
    public record AuditTrail(@Schema(required = true) OffsetDateTime at, @Schema(required = true) String action,
                             @Schema(required = true) String actionLabel,
                             @Schema(description = "true：本人的操作；false：工作人员对本人信息的操作", required = true) boolean byMe,
                             @Schema(description = "操作人角色") String actorRole, String detail,
                             @Schema(description = "来源 IP（仅本人的操作）") String ip) {
    }
}
