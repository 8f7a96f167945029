/** Activities: events, placements, attachments and signups. */
@OwnsTables({"activity", "activity_placement", "activity_attachment", "activity_signup"})
package cq.jianxi.activity;

import cq.jianxi.common.architecture.OwnsTables;
