/** Regions: the district tree every scope is drawn from. */
@OwnsTables({"region"})
package cq.jianxi.region;

import cq.jianxi.common.architecture.OwnsTables;
