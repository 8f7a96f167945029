package cq.jianxi.common.security;

import cq.jianxi.common.problem.ApiProblem;

/**
 * Who is calling and what they may see: the role and its scope claims. Services take a Caller and
 * check scope themselves, so the rules hold for every client, not only for the UI.
 */
public record Caller(
        String subject,
        Long userId,
        String username,
        String displayName,
        Role role,
        String regionCode,
        String departmentCode,
        Long baseId,
        Long youthId,
        String sessionId,
        String ip) {

    /** A caller for work done by the platform itself (seeding, scheduled jobs). */
    /** Identity attribute set on a session that may only change the password (see CallerProvider). */
    public static final String RESTRICTED_SESSION = "jianxi.restricted-session";

    public static Caller system(String what) {
        return new Caller("system", null, "system", what, Role.CITY_ADMIN, null, null, null, null, null, null);
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** True when the caller sees the whole city (city admin and municipal departments). */
    public boolean isCityWide() {
        return role == Role.CITY_ADMIN || role == Role.DEPARTMENT;
    }

    public void requireRole(Role... allowed) {
        for (Role r : allowed) {
            if (role == r) {
                return;
            }
        }
        throw ApiProblem.forbidden("当前角色（" + role.label() + "）无权执行此操作");
    }

    /** Refuses a district admin who asks about another region; city-wide roles pass. */
    public void requireRegion(String code) {
        if (isCityWide()) {
            return;
        }
        if (role == Role.DISTRICT_ADMIN && regionCode != null && regionCode.equals(code)) {
            return;
        }
        throw ApiProblem.forbidden("无权访问区县 " + code + " 的数据");
    }
}
