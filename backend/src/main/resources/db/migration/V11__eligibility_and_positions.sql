-- A base whose filing is revoked recruits no more: its open positions close with their own reason.
alter table position drop constraint position_close_reason_check;
alter table position add constraint position_close_reason_check
  check (close_reason in ('FILLED', 'EXPIRED', 'WITHDRAWN', 'BASE_REVOKED'));
