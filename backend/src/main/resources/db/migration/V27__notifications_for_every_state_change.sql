-- Notifications for every state change someone waits for: besides a young person, a base or a user, a
-- notification may go to the district admins of a region or to the city admins. Each carries the kind
-- of change it announces; a scheduled reminder carries a dedupe key, so that running the job again (or
-- on a second instance at the same time) never sends it twice.

alter table notification
  add column region_code varchar(16) references region (code),
  add column to_city     boolean not null default false,
  add column kind        varchar(40),
  add column dedupe_key  varchar(200);

-- The kinds of the notifications written before this migration, from the titles they were written with.
update notification set kind = case
    when title = '新的见习申请' then 'APPLICATION_SUBMITTED'
    when title = '为你推荐岗位' then 'POSITION_RECOMMENDED'
    when title = '见习待结束' then 'INTERNSHIP_TO_BE_CLOSED'
    when title like '见习基地资格预警已销案%' then 'BASE_WARNING_DISMISSED'
    when title like '见习基地资格预警%' then 'BASE_WARNED'
    when title like '见习基地限期整改%' then 'BASE_RECTIFICATION'
    when base_id is not null and body like '%已撤回%' then 'APPLICATION_WITHDRAWN'
    when base_id is not null then 'APPLICATION_ACCEPTED'
    when body like '%筛选中%' then 'APPLICATION_SCREENING'
    when body like '%待面试%' then 'APPLICATION_INTERVIEW'
    when body like '%已录用待确认%' then 'APPLICATION_OFFERED'
    else 'APPLICATION_REJECTED' end;

alter table notification
  alter column kind set not null,
  add constraint notification_kind check (kind in (
    -- to a base
    'FILING_APPROVED', 'FILING_REJECTED', 'FILING_REVOKED', 'POSITION_APPROVED', 'POSITION_REJECTED',
    'CLAIM_APPROVED', 'CLAIM_REJECTED', 'CLAIM_PAYMENT_RECORDED', 'CLAIM_PAID',
    'APPLICATION_SUBMITTED', 'APPLICATION_ACCEPTED', 'APPLICATION_WITHDRAWN', 'INTERNSHIP_TO_BE_CLOSED',
    'BASE_WARNED', 'BASE_RECTIFICATION', 'BASE_WARNING_DISMISSED',
    -- to a young person
    'APPLICATION_SCREENING', 'APPLICATION_INTERVIEW', 'APPLICATION_OFFERED', 'APPLICATION_REJECTED',
    'POSITION_RECOMMENDED', 'AGREEMENT_SIGNED', 'ARRIVAL_RECORDED', 'INTERNSHIP_NO_SHOW', 'CONFIRMATION_DUE',
    'SUBSIDY_PAID',
    -- to the district admins of a region
    'FILING_WAITING', 'POSITION_WAITING', 'CLAIM_WAITING', 'REPORT_RETURNED', 'REPORT_ACCEPTED',
    'DEADLINE_NEAR', 'DEADLINE_OVERDUE',
    -- to the city admins
    'REPORT_WAITING')),
  add constraint notification_dedupe_key unique (dedupe_key),
  drop constraint notification_has_recipient,
  add constraint notification_has_recipient
    check (num_nonnulls(user_id, base_id, youth_id, region_code) + case when to_city then 1 else 0 end = 1);

-- The recipient's newest first, and its unread ones (the bell's count).
create index notification_region_idx on notification (region_code, created_at desc) where region_code is not null;
create index notification_city_idx on notification (created_at desc) where to_city;
create index notification_youth_unread_idx on notification (youth_id) where read_at is null and youth_id is not null;
create index notification_base_unread_idx on notification (base_id) where read_at is null and base_id is not null;
create index notification_region_unread_idx on notification (region_code) where read_at is null and region_code is not null;
create index notification_city_unread_idx on notification (id) where read_at is null and to_city;
