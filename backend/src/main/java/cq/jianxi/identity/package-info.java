/** Identity: accounts, sessions, passwords and second factors. */
@OwnsTables({"user_account", "auth_session", "login_attempt", "password_history", "one_time_code", "second_factor", "recovery_code", "login_challenge"})
package cq.jianxi.identity;

import cq.jianxi.common.architecture.OwnsTables;
