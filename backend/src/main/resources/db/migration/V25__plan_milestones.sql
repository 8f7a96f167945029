-- 倒排时间进度: each district (and each department with a position quota) schedules its yearly targets as
-- cumulative monthly milestones; the city locks the year's schedules. Owned by the plan context.
create table plan_schedule (
  year        int not null references plan (year) on delete cascade,
  scope_kind  varchar(12) not null check (scope_kind in ('REGION', 'DEPARTMENT')),
  scope_code  varchar(16) not null,
  updated_at  timestamptz not null,
  updated_by  varchar(64) not null,
  primary key (year, scope_kind, scope_code)
);

create table plan_milestone (
  year          int not null,
  scope_kind    varchar(12) not null,
  scope_code    varchar(16) not null,
  target_column varchar(40) not null check (target_column in ('NEW_BASES', 'NEW_KEY_ENTERPRISE_BASES', 'POSITIONS',
      'PARTICIPANTS', 'POLICY_SESSIONS', 'MATCHING_EVENTS', 'TYPICAL_PERSONS', 'NATIONAL_NOMINATIONS')),
  month         smallint not null check (month between 1 and 12),
  cumulative    int not null check (cumulative between 0 and 10000000),
  primary key (year, scope_kind, scope_code, target_column, month),
  foreign key (year, scope_kind, scope_code) references plan_schedule (year, scope_kind, scope_code) on delete cascade,
  -- A department's quota is positions only.
  constraint department_schedules_positions check (scope_kind = 'REGION' or target_column = 'POSITIONS')
);

-- Region scopes name a region, department scopes a department with a quota (checked in the service too).
create or replace function plan_schedule_scope_exists() returns trigger language plpgsql as $$
begin
  if new.scope_kind = 'REGION' and not exists (select 1 from region where code = new.scope_code) then
    raise exception 'unknown region %', new.scope_code using errcode = '23503';
  end if;
  if new.scope_kind = 'DEPARTMENT' and not exists (select 1 from department where code = new.scope_code
                                                   and position_quota is not null) then
    raise exception 'department % has no quota', new.scope_code using errcode = '23503';
  end if;
  return new;
end $$;
create trigger plan_schedule_scope before insert or update on plan_schedule
  for each row execute function plan_schedule_scope_exists();

-- Locking freezes every schedule of the year; unlocking clears both columns.
alter table plan add column milestones_locked_at timestamptz,
                 add column milestones_locked_by varchar(64),
                 add constraint milestone_lock_has_locker check ((milestones_locked_at is null) = (milestones_locked_by is null));
