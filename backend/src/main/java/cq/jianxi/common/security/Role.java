package cq.jianxi.common.security;

/** The five kinds of user; names are the role claims carried by tokens. */
public enum Role {
    CITY_ADMIN("市人社局管理员"),
    DISTRICT_ADMIN("区县人社局管理员"),
    DEPARTMENT("市级部门用户"),
    BASE("见习基地用户"),
    YOUTH("青年");

    public static final String CITY_ADMIN_NAME = "CITY_ADMIN";
    public static final String DISTRICT_ADMIN_NAME = "DISTRICT_ADMIN";
    public static final String DEPARTMENT_NAME = "DEPARTMENT";
    public static final String BASE_NAME = "BASE";
    public static final String YOUTH_NAME = "YOUTH";

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
