package cq.jianxi.audit.domain;

/** The audited actions; the name is stored, the label is what the governance terminal shows. */
public enum AuditAction {
    LOGIN_SUCCEEDED("登录成功"),
    LOGIN_FAILED("登录失败"),
    LOGIN_LOCKED("登录被锁定"),
    LOGOUT("退出登录"),
    TOKEN_REFRESHED("续期会话"),
    PASSWORD_CHANGED("修改密码"),
    PASSWORD_RESET_REQUESTED("申请找回密码"),
    PASSWORD_RESET("通过验证码重置密码"),
    PASSWORD_RESET_BY_ADMIN("管理员重置密码"),
    ACCOUNT_CREATED("创建管理账户"),
    ACCOUNT_DISABLED("停用账户"),
    ACCOUNT_ENABLED("启用账户"),
    ACCOUNT_PHONE_SET("设置账户手机号"),
    VERIFICATION_CODE_SENT("发送短信验证码"),
    YOUTH_CLAIM_SUBMITTED("提交实名认领"),
    YOUTH_CLAIM_CONFIRMED("确认实名认领"),
    YOUTH_CLAIM_REJECTED("驳回实名认领"),
    SECOND_FACTOR_VERIFIED("第二因素验证通过"),
    SECOND_FACTOR_FAILED("第二因素验证失败"),
    RECOVERY_CODE_USED("使用恢复码"),
    SECOND_FACTOR_ENROLMENT_STARTED("开始绑定身份验证器"),
    SECOND_FACTOR_ENABLED("启用第二因素"),
    SECOND_FACTOR_DISABLED("停用第二因素"),
    RECOVERY_CODES_REGENERATED("重新生成恢复码"),
    SECOND_FACTOR_RESET("重置他人的第二因素"),
    PLAN_IMPORTED("导入年度计划"),
    MILESTONES_SAVED("保存倒排进度"),
    MILESTONES_LOCKED("锁定年度倒排进度"),
    MILESTONES_UNLOCKED("解锁年度倒排进度"),
    EVALUATION_SCHEME_SAVED("保存年度评估方案"),
    EVALUATION_SCORED("评估人工评分"),
    EVALUATION_COMMITMENT_SET("填报承诺岗位数"),
    EVALUATION_CLOSED("完成区县年度评估"),
    DEMONSTRATION_DECIDED("示范基地评选"),
    BASE_APPLIED("提交见习基地备案申请"),
    BASE_FILED("直接备案见习基地"),
    BASE_APPROVED("通过见习基地备案"),
    BASE_REJECTED("驳回见习基地备案"),
    BASE_REVOKED("撤销见习基地备案"),
    BASE_DOCUMENT_UPLOADED("上传见习基地备案材料"),
    BASE_DOCUMENT_DELETED("删除见习基地备案材料"),
    BASE_INSPECTED("记录见习基地现场核查"),
    BASE_RESUBMITTED("修改后重新提交见习基地备案"),
    DISQUALIFICATION_RULE_CHANGED("修改取消基地资格规则"),
    BASE_WARNED("预警见习基地资格"),
    DISQUALIFICATION_DECIDED("处理基地资格预警"),
    COMPLAINT_RECORDED("登记基地投诉"),
    COMPLAINT_OUTCOME_RECORDED("记录投诉核实结果"),
    TYPICAL_PERSON_SUBMITTED("报送典型人物"),
    TYPICAL_PERSON_APPROVED("审核通过典型人物"),
    TYPICAL_PERSON_RETURNED("退回典型人物"),
    INTERNSHIP_AGREEMENT_SIGNED("签订见习协议"),
    INTERNSHIP_AGREEMENT_CONFIRMED("见习人员确认协议"),
    INTERNSHIP_ARRIVED("登记见习到岗"),
    INTERNSHIP_NO_SHOW("登记未到岗"),
    INTERNSHIP_RECORDED_OFFLINE("补录线下见习"),
    INTERNSHIP_ENDED("结束见习"),
    INTERNSHIP_OUTCOME_RECORDED("记录见习去向"),
    INTERNSHIP_MONTH_CONFIRMED("确认月度在岗"),
    INTERNSHIP_MONTH_FLAGGED("青年标记未在岗月份"),
    INTERNSHIP_RATED("青年评价见习"),
    SUBSIDY_RATE_CHANGED("修改补贴标准"),
    SUBSIDY_CLAIMED("申领见习补贴"),
    SUBSIDY_APPROVED("审核通过补贴申领"),
    SUBSIDY_REJECTED("驳回补贴申领"),
    SUBSIDY_DISBURSED("登记补贴拨付"),
    CALENDAR_PUBLISHED("录入放假安排"),
    ACTIVITY_RECORDED("登记见习活动"),
    REPORT_INPUT_SAVED("填报月报指标"),
    REPORT_SUBMITTED("提交月报"),
    REPORT_ACCEPTED("审核通过月报"),
    REPORT_RETURNED("退回月报"),
    REPORT_CITY_CLOSED("全市月报关账"),
    ANNUAL_REPORT_SUBMITTED("提交年度计划实施情况报告"),
    ANNUAL_REPORT_ACCEPTED("审核通过年度计划实施情况报告"),
    ANNUAL_REPORT_RETURNED("退回年度计划实施情况报告"),
    HISTORY_IMPORTED("导入历史见习记录"),
    EMPLOYER_STATUS_CHANGED("更新单位经营状态"),
    KEY_ENTERPRISES_IMPORTED("导入重点企业名单"),
    POSITION_CREATED("新建见习岗位"),
    POSITION_UPDATED("修改见习岗位"),
    POSITION_SUBMITTED("提交岗位审核"),
    POSITION_APPROVED("审核通过并发布岗位"),
    POSITION_REJECTED("驳回见习岗位"),
    POSITION_CLOSED("关闭见习岗位"),
    YOUTH_REGISTERED("青年实名登记"),
    YOUTH_UPDATED("修改个人登记信息"),
    YOUTH_HARDSHIP_SET("设置困难类别"),
    ROSTER_IMPORTED("导入毕业生名单"),
    ENTERPRISE_STATUS_IMPORTED("导入企业经营状态"),
    SERVICE_RECORDED("记录服务"),
    APPLICATION_SUBMITTED("投递见习申请"),
    APPLICATION_TRANSITIONED("见习申请状态变更"),
    PERSONAL_DATA_VIEWED("查看完整个人信息"),
    AUDIT_EXPORTED("导出审计日志"),
    AUDIT_VERIFIED("校验审计日志完整性"),
    AUDIT_PURGED("清理超过保存期限的审计日志"),
    PERSONAL_DATA_EXPORTED("下载本人数据"),
    CONSENT_GIVEN("同意处理敏感个人信息"),
    DELETION_REQUESTED("申请删除个人信息"),
    DELETION_COMPLETED("完成个人信息删除"),
    DELETION_REJECTED("驳回个人信息删除申请"),
    CAMPAIGN_CREATED("创建青年动员活动");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a stored action name; a name no longer in the enum shows as itself. */
    public static String labelOf(String name) {
        try {
            return valueOf(name).label();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return name;
        }
    }
}
