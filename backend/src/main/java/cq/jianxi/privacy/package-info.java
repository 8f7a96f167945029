/** Privacy: consents and deletion requests. */
@OwnsTables({"consent_text", "consent_record", "deletion_request"})
package cq.jianxi.privacy;

import cq.jianxi.common.architecture.OwnsTables;
