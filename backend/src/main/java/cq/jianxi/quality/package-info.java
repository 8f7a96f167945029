/** Quality: disqualification rules and cases, complaints and typical persons. */
@OwnsTables({"disqualification_rule", "base_complaint", "disqualification_case", "typical_person"})
package cq.jianxi.quality;

import cq.jianxi.common.architecture.OwnsTables;
