package cq.jianxi.youth.rest;

import cq.jianxi.youth.domain.Youth;
import cq.jianxi.youth.service.YouthService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Request and response bodies of the registry API. */
public final class YouthViews {

    private YouthViews() {
    }

    @Schema(name = "YouthProfile", description = "青年登记信息")
    public record ProfileBody(
            @Schema(description = "姓名", required = true) String name,
            @Schema(description = "18 位居民身份证号（GB 11643-1999 校验；出生日期和性别由此推出）", required = true, pattern = cq.jianxi.common.validation.Formats.RESIDENT_ID) String idNumber,
            @Schema(description = "11 位手机号", required = true, pattern = cq.jianxi.common.validation.Formats.MOBILE) String phone,
            @Schema(description = "居住地区县代码", pattern = cq.jianxi.common.validation.Formats.REGION_CODE) String regionCode,
            @Schema(description = "学历：SECONDARY 中专/高中、JUNIOR_COLLEGE 大专、BACHELOR 本科、MASTER 硕士、DOCTOR 博士", required = true, implementation = cq.jianxi.youth.domain.EducationLevel.class) String education,
            @Schema(description = "毕业学校") String school,
            @Schema(description = "专业") String major,
            @Schema(description = "毕业日期") LocalDate graduationDate,
            @Schema(description = "当前状态：UNEMPLOYED 未就业、EMPLOYED 已就业、STUDYING 在读", required = true, implementation = cq.jianxi.youth.domain.CurrentStatus.class) String currentStatus,
            @Schema(description = "是否有见习意愿") Boolean internshipIntention,
            @Schema(description = "是否有培训意愿") Boolean trainingIntention,
            @Schema(description = "意向区县代码") List<String> preferredRegions,
            @Schema(description = "意向岗位类别代码") List<String> preferredCategories) {
    }

    @Schema(name = "YouthRegistration", description = "青年注册：登记信息加账户")
    public record RegistrationBody(
            @Schema(description = "登记信息", required = true) ProfileBody profile,
            @Schema(description = "登录用户名（4–64 位字母、数字或 _ . @ -）", required = true, pattern = cq.jianxi.common.validation.Formats.USERNAME) String username,
            @Schema(description = "密码：至少 8 位，含大写字母、小写字母、数字、符号中的至少 3 类", required = true, minLength = 8, maxLength = 72) String password,
            @Schema(description = "发往 profile.phone 的 6 位短信验证码（先调用 /api/auth/verification-codes）", required = true, pattern = "^\\d{6}$") String verificationCode,
            @Schema(description = "本人阅读并同意的《敏感个人信息处理单独同意书》版本号（GET /api/privacy/consent-text 的 version）；不是当前版本时 400（字段 consentVersion）", required = true) String consentVersion,
            @Schema(description = "动员活动代码（分享链接 /youth/register?campaign=… 中的 campaign，可选）。进行中的活动计入其报名人数；未知、未开始或已结束的代码不影响注册，也不产生任何记录", maxLength = 64) @jakarta.validation.constraints.Size(max = 64, message = "动员活动代码不能超过 64 个字符") String campaign) {
    }

    @Schema(name = "RegistrationReceipt", description = "注册已受理。结果（注册成功、待区县核实、身份证号已注册、用户名已被使用）以短信发往已验证的手机号，接口回答对每种结果都相同")
    public record RegistrationReceipt(
            @Schema(description = "提示", required = true) String message) {
    }

    @Schema(name = "HardshipRequest", description = "设置困难类别")
    public record HardshipBody(
            @Schema(description = "困难类别：LOW_INCOME 低保家庭、POVERTY_ALLEVIATED 脱贫家庭、DISABLED 残疾、ZERO_EMPLOYMENT 零就业家庭、OTHER 其他；不填为清空", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = cq.jianxi.youth.domain.Hardship.class) List<String> hardship) {
    }

    @Schema(name = "Youth", description = "青年实名登记记录（身份证号、手机号默认脱敏）")
    public record YouthView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "姓名", required = true) String name,
            @Schema(description = "身份证号：默认只显示前 6 位和后 4 位", required = true) String idNumber,
            @Schema(description = "手机号：默认脱敏", required = true) String phone,
            @Schema(description = "是否已脱敏", required = true) boolean masked,
            @Schema(description = "出生日期：只在完整视图（本人或经审计的查看）中给出；脱敏视图为空，否则它会补全被遮住的身份证号") LocalDate birthDate,
            @Schema(description = "年龄（周岁）") Integer age,
            @Schema(description = "性别：M 男、F 女") String sex,
            @Schema(description = "居住地区县代码", pattern = cq.jianxi.common.validation.Formats.REGION_CODE) String regionCode,
            @Schema(description = "学历代码", implementation = cq.jianxi.youth.domain.EducationLevel.class) String education,
            @Schema(description = "毕业学校") String school,
            @Schema(description = "专业") String major,
            @Schema(description = "毕业日期") LocalDate graduationDate,
            @Schema(description = "当前状态代码", required = true, implementation = cq.jianxi.youth.domain.CurrentStatus.class) String currentStatus,
            @Schema(description = "见习意愿", required = true) boolean internshipIntention,
            @Schema(description = "培训意愿", required = true) boolean trainingIntention,
            @Schema(description = "意向区县", required = true) List<String> preferredRegions,
            @Schema(description = "意向岗位类别", required = true) List<String> preferredCategories,
            @Schema(description = "困难类别", required = true) List<String> hardship,
            @Schema(description = "今天是否为离校2年内未就业高校毕业生", required = true) boolean unemployedGraduate,
            @Schema(description = "今天是否为16–24岁失业青年（可与上一项同时为真）", required = true) boolean unemployedYouth,
            @Schema(description = "今天的见习对象类别：UNEMPLOYED_GRADUATE 离校2年内未就业高校毕业生（年龄不限，优先）、UNEMPLOYED_YOUTH 16–24岁失业青年、NOT_ELIGIBLE 不符合见习补贴对象条件（可注册和浏览岗位，不能接受见习录用）",
                    required = true, enumeration = {"UNEMPLOYED_GRADUATE", "UNEMPLOYED_YOUTH", "NOT_ELIGIBLE"}) String category,
            @Schema(description = "见习对象类别（中文）", required = true) String categoryLabel,
            @Schema(description = "来源：SELF 本人注册、ROSTER 教育部门共享名单、STAFF 工作人员登记", required = true) String source,
            @Schema(description = "最近更新时间", required = true) OffsetDateTime updatedAt) {

        static YouthView of(YouthService.Details d) {
            Youth y = d.youth();
            return new YouthView(y.id, y.name, d.idNumber(), d.phone(), d.masked(), d.masked() ? null : y.birthDate, d.age(), y.sex,
                    y.regionCode,
                    y.education == null ? null : y.education.name(), y.school, y.major, y.graduationDate,
                    y.currentStatus.name(), y.internshipIntention, y.trainingIntention,
                    Arrays.asList(y.preferredRegions), Arrays.asList(y.preferredCategories), Arrays.asList(y.hardship),
                    d.unemployedGraduate(), d.unemployedYouth(), d.category().name(), d.category().label(),
                    y.source, y.updatedAt);
        }
    }

    @Schema(name = "YouthPage", description = "青年登记分页结果（脱敏）")
    public record YouthPageView(
            @Schema(description = "本页条目", required = true) List<YouthView> items,
            @Schema(description = "总条数", required = true) long total,
            @Schema(description = "页码", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
    }

    @Schema(name = "YouthStatistics", description = "实名登记统计")
    public record StatisticsView(
            @Schema(description = "登记总人数", required = true) long total,
            @Schema(description = "离校2年内未就业高校毕业生", required = true) long unemployedGraduates,
            @Schema(description = "有见习意愿", required = true) long internshipIntention,
            @Schema(description = "有培训意愿", required = true) long trainingIntention,
            @Schema(description = "有见习意愿的离校2年内未就业高校毕业生（服务率的分母）", required = true) long unemployedGraduatesWithIntention,
            @Schema(description = "来自教育部门共享名单", required = true) long fromRoster) {
    }
}
