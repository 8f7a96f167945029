package cq.jianxi.plan.domain;

import java.util.List;

/** The eight target columns of Annex 2, with the file header, the API field and the Chinese label. */
public enum TargetColumn {
    NEW_BASES("new_bases", "newBases", "新增见习基地"),
    NEW_KEY_ENTERPRISE_BASES("new_bases_key_enterprises", "newKeyEnterpriseBases", "其中重点企业"),
    POSITIONS("positions", "positions", "募集见习岗位"),
    PARTICIPANTS("participants", "participants", "组织见习人数"),
    POLICY_SESSIONS("policy_sessions", "policySessions", "政策宣讲"),
    MATCHING_EVENTS("matching_events", "matchingEvents", "供需对接活动"),
    TYPICAL_PERSONS("typical_persons", "typicalPersons", "选树典型人物"),
    NATIONAL_NOMINATIONS("national_nominations", "nationalNominations", "推荐国家级典型");

    public static final List<TargetColumn> ALL = List.of(values());

    private final String header;
    private final String field;
    private final String label;

    TargetColumn(String header, String field, String label) {
        this.header = header;
        this.field = field;
        this.label = label;
    }

    public String header() {
        return header;
    }

    public String field() {
        return field;
    }

    public String label() {
        return label;
    }
}
