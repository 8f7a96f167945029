package cq.jianxi.audit.domain;

import java.time.OffsetDateTime;

/**
 * Walks the chain row by row from its anchor (the genesis or the last purged row) to the head recorded
 * when the walk began, and stops at the first row that does not fit: rows are fed in seq order, page by
 * page, by whoever reads them (the API over the reactive pool, the command over JDBC).
 */
public final class ChainVerifier {

    /** Why a row does not fit, with the wording the governance terminal shows. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AuditChainProblem", description = "审计链断裂的类型")
    public enum Problem {
        /** The row's fields no longer give its stored hash: the row was changed. */
        HASH_MISMATCH("记录内容与其哈希值不符：该记录被修改过"),
        /** The row does not point at the previous row's hash: a row before it was changed, replaced or inserted. */
        LINK_BROKEN("与前一条记录的哈希值不衔接：前一条记录被修改、替换，或有记录被插入"),
        /** A seq number is skipped: rows before this one were removed. */
        ROW_MISSING("序号不连续：此处的记录被删除"),
        /** The chain ends short of, or differs from, the head the database recorded. */
        HEAD_MISMATCH("日志末尾与链头不符：末尾的记录被删除，或链头被改动");

        private final String label;

        Problem(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The first row that does not fit (id and time are null when the row is missing altogether). */
    public record Break(long seq, Long id, OffsetDateTime at, Problem problem) {
    }

    /** The outcome: intact, or the first break; how many rows were checked between anchor and head. */
    public record Result(boolean intact, long checkedRows, long anchorSeq, long headSeq, Break broken) {
    }

    private final long anchorSeq;
    private final long headSeq;
    private final String headHash;
    private long expectedSeq;
    private String expectedPrev;
    private long checked;
    private Break broken;

    public ChainVerifier(long anchorSeq, String anchorHash, long headSeq, String headHash) {
        this.anchorSeq = anchorSeq;
        this.headSeq = headSeq;
        this.headHash = headHash;
        this.expectedSeq = anchorSeq + 1;
        this.expectedPrev = anchorHash;
    }

    /** Checks the next row; false once a break is found (the walk can stop). */
    public boolean accept(ChainRow row) {
        if (broken != null) {
            return false;
        }
        Problem problem = null;
        if (row.seq() != expectedSeq) {
            problem = Problem.ROW_MISSING;
        } else if (!expectedPrev.equals(row.prevHash())) {
            problem = Problem.LINK_BROKEN;
        } else if (!AuditDigest.of(row).equals(row.hash())) {
            problem = Problem.HASH_MISMATCH;
        }
        if (problem != null) {
            broken = new Break(problem == Problem.ROW_MISSING ? expectedSeq : row.seq(),
                    problem == Problem.ROW_MISSING ? null : row.id(), problem == Problem.ROW_MISSING ? null : row.at(), problem);
            return false;
        }
        checked++;
        expectedSeq = row.seq() + 1;
        expectedPrev = row.hash();
        return true;
    }

    public boolean broken() {
        return broken != null;
    }

    /** The result after the last row: a chain that stops before the head, or ends on another hash, is broken. */
    public Result finish() {
        if (broken == null && (expectedSeq - 1 != headSeq || !expectedPrev.equals(headHash))) {
            broken = new Break(Math.min(expectedSeq, headSeq), null, null, Problem.HEAD_MISMATCH);
        }
        return new Result(broken == null, checked, anchorSeq, headSeq, broken);
    }
}
