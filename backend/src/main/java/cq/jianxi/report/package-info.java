/** Reports: monthly and annual reports and the city close. */
@OwnsTables({"city_monthly_report", "monthly_report", "monthly_report_input", "annual_report"})
package cq.jianxi.report;

import cq.jianxi.common.architecture.OwnsTables;
