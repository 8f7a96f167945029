/** Organizations: bases, employers, departments and key-enterprise lists. */
@OwnsTables({"department", "key_enterprise_category", "base", "employer", "employer_key_category", "key_enterprise_entry", "base_receipt_counter", "base_inspection", "base_file", "base_rejection"})
package cq.jianxi.organization;

import cq.jianxi.common.architecture.OwnsTables;
