/** History: imports of earlier years' records. */
@OwnsTables({"history_import", "history_record"})
package cq.jianxi.history;

import cq.jianxi.common.architecture.OwnsTables;
