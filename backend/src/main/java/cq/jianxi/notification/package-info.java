/** Notifications: in-app messages and the SMS outbox. */
@OwnsTables({"notification", "sms_outbox"})
package cq.jianxi.notification;

import cq.jianxi.common.architecture.OwnsTables;
