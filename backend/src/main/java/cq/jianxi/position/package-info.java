/** Positions: the internship positions bases publish. */
@OwnsTables({"position"})
package cq.jianxi.position;

import cq.jianxi.common.architecture.OwnsTables;
