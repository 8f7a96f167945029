-- Real history: an agreement is not an arrival, records can come from the previous system or be
-- entered offline, and the indicators read the dates the base recorded.

-- SIGNED: agreement signed, the intern has not arrived yet; NO_SHOW: never arrived, the agreement is cancelled.
alter table internship drop constraint internship_state_check;
alter table internship add constraint internship_state_check
  check (state in ('PENDING', 'SIGNED', 'ON_POST', 'COMPLETED', 'RETAINED_EARLY', 'ABNORMAL', 'NO_SHOW'));

-- 到岗: the day the intern actually arrived, recorded by the base (indicators 5, 6, 13).
alter table internship add column arrived_on date;
update internship set arrived_on = start_date where state in ('ON_POST', 'COMPLETED', 'RETAINED_EARLY', 'ABNORMAL');
alter table internship add constraint arrived_states_have_arrival
  check ((state in ('ON_POST', 'COMPLETED', 'RETAINED_EARLY', 'ABNORMAL')) = (arrived_on is not null));
alter table internship add constraint end_not_before_arrival check (actual_end is null or actual_end >= arrived_on);
alter table internship add constraint no_show_has_reason check (state <> 'NO_SHOW' or end_reason is not null);

-- Completion is dated at the agreement's planned end (indicator 8), whenever it is recorded.
update internship set actual_end = planned_end where state = 'COMPLETED' and actual_end <> planned_end;
alter table internship drop constraint completed_at_plan;
alter table internship add constraint completed_at_plan check (state <> 'COMPLETED' or actual_end = planned_end);

-- A no-show frees the person's calendar: only agreements that can still run, or ran, may not overlap.
alter table internship drop constraint no_overlapping_internships;
alter table internship add constraint no_overlapping_internships exclude using gist (
    youth_id with =, daterange(start_date, coalesce(actual_end, planned_end), '[]') with &&) where (state <> 'NO_SHOW');

-- Where a record came from: the online workflow, a district's offline entry, or the previous system.
alter table internship add column origin varchar(16) not null default 'ONLINE'
  check (origin in ('ONLINE', 'OFFLINE', 'MIGRATED'));
alter table base add column origin varchar(16) not null default 'ONLINE' check (origin in ('ONLINE', 'MIGRATED'));
alter table position add column origin varchar(16) not null default 'ONLINE' check (origin in ('ONLINE', 'MIGRATED'));
alter table disbursement add column origin varchar(16) not null default 'ONLINE' check (origin in ('ONLINE', 'MIGRATED'));
alter table subsidy_claim add column origin varchar(16) not null default 'ONLINE' check (origin in ('ONLINE', 'MIGRATED'));

create index internship_arrived_idx on internship (region_code, arrived_on);
create index internship_end_idx on internship (region_code, actual_end);
create index disbursement_paid_on_idx on disbursement (paid_on);
