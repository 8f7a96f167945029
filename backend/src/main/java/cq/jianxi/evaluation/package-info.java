/** Evaluation: yearly schemes, rounds, scores and demonstration awards. */
@OwnsTables({"evaluation_scheme", "evaluation_criterion", "evaluation_eligibility_rule", "evaluation_commitment", "evaluation_round", "evaluation_manual_score", "evaluation_result", "demonstration_award"})
package cq.jianxi.evaluation;

import cq.jianxi.common.architecture.OwnsTables;
