package cq.jianxi.common.validation;

/** The text formats the contract states as patterns (anchored: Bean Validation matches whole values, JSON Schema searches). */
public final class Formats {

    /** A month, YYYY-MM. */
    public static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";
    /** A region (district or county) code: six digits. */
    public static final String REGION_CODE = "^\\d{6}$";
    /** A mainland mobile number. */
    public static final String MOBILE = "^1[3-9]\\d{9}$";
    /** A mobile or a landline with its area code (023-63891234). */
    public static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";
    /** A unified social credit code: 18 characters of digits and capitals (its check digit is a rule). */
    public static final String CREDIT_CODE = "^[0-9A-HJ-NPQRTUWXY]{18}$";
    /** A resident ID number: 17 digits and a digit or X (its date and check digit are rules). */
    public static final String RESIDENT_ID = "^\\d{17}[0-9Xx]$";

    /** A username: 4–64 letters, digits or _ . @ - (the same pattern AccountService checks). */
    public static final String USERNAME = "^[A-Za-z0-9_.@-]{4,64}$";
    /** A web address. */
    public static final String WEB_ADDRESS = "^https?://\\S+$";

    private Formats() {
    }
}
