/** Imports: roster and enterprise-status upload batches. */
@OwnsTables({"import_batch", "import_row_error"})
package cq.jianxi.imports;

import cq.jianxi.common.architecture.OwnsTables;
