/** Youth registry: registrations, claims and mobilisation campaigns. */
@OwnsTables({"youth", "youth_claim", "mobilisation_campaign", "campaign_signup"})
package cq.jianxi.youth;

import cq.jianxi.common.architecture.OwnsTables;
