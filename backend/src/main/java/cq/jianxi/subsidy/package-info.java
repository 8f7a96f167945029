/** Subsidies: rates, claims and disbursements. */
@OwnsTables({"subsidy_rate", "subsidy_claim", "disbursement"})
package cq.jianxi.subsidy;

import cq.jianxi.common.architecture.OwnsTables;
