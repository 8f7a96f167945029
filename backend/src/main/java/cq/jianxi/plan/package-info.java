/** Plans: annual targets, schedules and milestones. */
@OwnsTables({"plan", "plan_target", "plan_schedule", "plan_milestone"})
package cq.jianxi.plan;

import cq.jianxi.common.architecture.OwnsTables;
