/** Audit: the event log and its hash chain. */
@OwnsTables({"audit_event", "audit_chain"})
package cq.jianxi.audit;

import cq.jianxi.common.architecture.OwnsTables;
