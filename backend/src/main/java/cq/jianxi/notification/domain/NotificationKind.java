package cq.jianxi.notification.domain;

/**
 * The state change a notification announces, one value per change someone waits for, with the
 * recipient it goes to. The label is also the whole text message (SMS) sent for it, so a message never
 * carries names, ID numbers or anything else personal; kinds without a message stay in-app only.
 */
public enum NotificationKind {
    // ---- to a base
    FILING_APPROVED(Recipient.BASE, "见习基地备案已审核通过", true),
    FILING_REJECTED(Recipient.BASE, "见习基地备案未通过审核", true),
    FILING_REVOKED(Recipient.BASE, "见习基地备案已被撤销", true),
    POSITION_APPROVED(Recipient.BASE, "见习岗位已通过审核并发布", true),
    POSITION_REJECTED(Recipient.BASE, "见习岗位未通过审核", true),
    CLAIM_APPROVED(Recipient.BASE, "见习补贴申领已核定", true),
    CLAIM_REJECTED(Recipient.BASE, "见习补贴申领已驳回", true),
    CLAIM_PAYMENT_RECORDED(Recipient.BASE, "见习补贴已拨付一笔", true),
    CLAIM_PAID(Recipient.BASE, "见习补贴已全部拨付", true),
    APPLICATION_SUBMITTED(Recipient.BASE, "收到新的见习申请", false),
    APPLICATION_ACCEPTED(Recipient.BASE, "见习人员已接受录用", true),
    APPLICATION_WITHDRAWN(Recipient.BASE, "见习申请已撤回", false),
    INTERNSHIP_TO_BE_CLOSED(Recipient.BASE, "见习已到计划结束日待结束", false),
    BASE_WARNED(Recipient.BASE, "见习基地资格预警", true),
    BASE_RECTIFICATION(Recipient.BASE, "见习基地限期整改", true),
    BASE_WARNING_DISMISSED(Recipient.BASE, "见习基地资格预警已销案", true),
    // ---- to a young person
    APPLICATION_SCREENING(Recipient.YOUTH, "你的见习申请进入筛选", true),
    APPLICATION_INTERVIEW(Recipient.YOUTH, "你的见习申请收到面试邀请", true),
    APPLICATION_OFFERED(Recipient.YOUTH, "你的见习申请已录用，请确认", true),
    APPLICATION_REJECTED(Recipient.YOUTH, "你的见习申请未通过", true),
    POSITION_RECOMMENDED(Recipient.YOUTH, "人社部门为你推荐了见习岗位", false),
    AGREEMENT_SIGNED(Recipient.YOUTH, "你的见习协议已签订，请确认", true),
    ARRIVAL_RECORDED(Recipient.YOUTH, "你的见习到岗已登记", true),
    INTERNSHIP_NO_SHOW(Recipient.YOUTH, "你的见习协议因未到岗已取消", true),
    CONFIRMATION_DUE(Recipient.YOUTH, "请确认上月见习在岗情况", true),
    SUBSIDY_PAID(Recipient.YOUTH, "你的见习补贴已拨付给见习基地", true),
    // ---- to the district admins of a region
    FILING_WAITING(Recipient.REGION, "见习基地备案待审核", false),
    POSITION_WAITING(Recipient.REGION, "见习岗位待审核", false),
    CLAIM_WAITING(Recipient.REGION, "见习补贴申领待审核", false),
    REPORT_RETURNED(Recipient.REGION, "月报被市人社局退回", false),
    REPORT_ACCEPTED(Recipient.REGION, "月报已通过市人社局审核", false),
    DEADLINE_NEAR(Recipient.REGION, "月报即将到截止日期", false),
    DEADLINE_OVERDUE(Recipient.REGION, "月报已逾期未提交", false),
    // ---- to the city admins
    REPORT_WAITING(Recipient.CITY, "区县月报待审核", false);

    /** Who a kind goes to. */
    public enum Recipient { BASE, YOUTH, REGION, CITY }

    private final Recipient recipient;
    private final String label;
    private final boolean sms;

    NotificationKind(Recipient recipient, String label, boolean sms) {
        this.recipient = recipient;
        this.label = label;
        this.sms = sms;
    }

    public Recipient recipient() {
        return recipient;
    }

    public String label() {
        return label;
    }

    /** Whether the change is also sent as a text message where the recipient has a mobile phone. */
    public boolean sms() {
        return sms;
    }

    /** The text message: the kind's label and where to read more, never the notification's own words. */
    public String smsText() {
        return "见习通提醒：" + label + "，详情请登录见习通查看。";
    }
}
