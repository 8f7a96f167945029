/** Internships: agreements, monthly confirmations, follow-ups and ratings. */
@OwnsTables({"internship", "internship_follow_up", "internship_month", "internship_rating"})
package cq.jianxi.internship;

import cq.jianxi.common.architecture.OwnsTables;
