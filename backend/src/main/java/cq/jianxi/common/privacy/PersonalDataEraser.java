package cq.jianxi.common.privacy;

import io.smallrye.mutiny.Uni;

/**
 * One context's part in erasing a young person's personal data when their deletion request is
 * completed. Each context that holds such data implements it for its own tables, so the privacy context
 * never writes another context's table. Runs inside the completion's transaction: all or nothing.
 */
public interface PersonalDataEraser {

    /**
     * Erases or anonymises what this context holds about the person and the bureau need not keep, and
     * says in a short Chinese phrase what it did (for the request's record), or returns null when it held nothing.
     */
    Uni<String> erase(long youthId);
}
