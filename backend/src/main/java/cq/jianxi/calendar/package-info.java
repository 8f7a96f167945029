/** Work calendar: working days per year. */
@OwnsTables({"calendar_year", "calendar_day"})
package cq.jianxi.calendar;

import cq.jianxi.common.architecture.OwnsTables;
