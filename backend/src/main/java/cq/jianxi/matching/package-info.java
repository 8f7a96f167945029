/** Matching: recommendations and the service records of who was helped. */
@OwnsTables({"service_record"})
package cq.jianxi.matching;

import cq.jianxi.common.architecture.OwnsTables;
