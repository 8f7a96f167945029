package cq.jianxi.support.matrix;

/** The callers of the authorization matrix, in the order of its columns. */
public enum Actor {
    /** No token at all. */
    ANON,
    /** 市人社局管理员. */
    CITY,
    /** 区县人社局管理员 of scope A's district (万州区 500101). */
    DISTRICT,
    /** 市级部门用户 of 市教委 (JW), the department that shares the graduate roster. */
    DEPARTMENT,
    /** The account of scope A's base. */
    BASE,
    /** The account of scope A's young person. */
    YOUTH
}
