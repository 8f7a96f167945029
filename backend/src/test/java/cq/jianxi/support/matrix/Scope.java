package cq.jianxi.support.matrix;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * One scope of the authorization matrix: a district and, inside it, a base, a young person and the
 * objects that hang off them. Scope A (万州区 500101) is the matrix callers' own; scope B (渝中区
 * 500103) belongs to nobody the matrix calls as, except the city-wide roles.
 */
public final class Scope {

    public final String label;
    public final String region;
    /** Distinguishes the scope's names (矩阵基地甲, 矩阵乙, ...). */
    final String tag;

    String districtUser;
    String baseUser;
    String youthUser;
    Map<String, Object> youthProfile;

    public long base;
    public long employer;
    public long publishedPosition;
    public long submittedPosition;
    public long draftPosition;
    public long pendingFiling;
    /** A passed on-site inspection of {@link #pendingFiling}. */
    public long inspection;
    /** A document (营业执照) kept with {@link #base}. */
    public long document;
    public long youth;
    public long application;
    /** The young person's own internship, on post since 1 January, whose months are confirmed and claimed. */
    public long internship;
    /** On post past its planned end with no end recorded (listed as to be closed). */
    public long overdueInternship;
    public long completedInternship;
    public long pendingInternship;
    public long signedInternship;
    /** A matching event still to come (sign-ups, records). */
    public long activity;
    /** A matching event before {@link #internship} started (placements). */
    public long pastActivity;
    public long attachment;
    public long serviceRecord;
    public long baseNotification;
    public long youthNotification;
    /** A notification to the district admins of the scope's region (a filing waiting for review). */
    public long regionNotification;
    /** A notification to the city admins (the scope's monthly report waiting for review). */
    public long cityNotification;
    public long submittedClaim;
    public String submittedClaimMonth;
    public long approvedClaim;
    public long keyEnterprise;
    /** Scope A's is a graduate roster batch, scope B's an enterprise status batch: the department scope is the kind. */
    public long importBatch;
    /** A month of {@link #internship} the young person flags. */
    public String flagMonth;
    /** A month of {@link #internship} the base and the young person confirm (again). */
    public String confirmMonth;
    /** A period whose monthly report the district has submitted and the city has not decided. */
    public String reportPeriod;

    /** The user_account id of the scope's base account. */
    public long baseAccount;
    /** A young person's deletion request waiting for the district. */
    public long deletionRequest;
    /** A registration claiming a roster record of the scope, waiting for the district. */
    public long youthClaim;

    /** Months of {@link #internship} not yet confirmed, for claims made fresh. */
    final Deque<String> freeMonths = new ArrayDeque<>();

    Scope(String label, String region, String tag) {
        this.label = label;
        this.region = region;
        this.tag = tag;
    }

    @Override
    public String toString() {
        return label + "(" + region + ")";
    }
}
