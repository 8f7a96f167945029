/** Applications: youths applying for positions. */
@OwnsTables({"application"})
package cq.jianxi.application;

import cq.jianxi.common.architecture.OwnsTables;
