-- Foundation schema: reference data from the notice, yearly plans, identity and audit.

create table region (
  code          varchar(16) primary key,
  short_name    varchar(32) not null unique,
  official_name varchar(64) not null,
  kind          varchar(20) not null check (kind in ('district', 'county', 'functional_zone')),
  seq           int not null unique
);

create table department (
  code              varchar(8) primary key,
  name              varchar(32) not null unique,
  task_summary      text not null,
  position_quota    int check (position_quota > 0),
  position_category varchar(16),
  seq               int not null unique
);

create table key_enterprise_category (
  code varchar(16) primary key,
  name varchar(64) not null unique,
  seq  int not null unique
);

-- One row per plan year; plan_target holds its 41 rows. The city totals are always computed as sums.
create table plan (
  year       int primary key check (year between 2000 and 2100),
  source     varchar(200) not null,
  updated_at timestamptz not null default now(),
  updated_by varchar(64)
);

create table plan_target (
  year                     int not null references plan (year) on delete cascade,
  region_code              varchar(16) not null references region (code),
  new_bases                int not null check (new_bases >= 0),
  new_key_enterprise_bases int not null check (new_key_enterprise_bases >= 0),
  positions                int not null check (positions >= 0),
  participants             int not null check (participants >= 0),
  policy_sessions          int not null check (policy_sessions >= 0),
  matching_events          int not null check (matching_events >= 0),
  typical_persons          int not null check (typical_persons >= 0),
  national_nominations     int not null check (national_nominations >= 0),
  primary key (year, region_code),
  constraint key_enterprises_within_new_bases check (new_key_enterprise_bases <= new_bases),
  constraint nominations_within_typical_persons check (national_nominations <= typical_persons)
);

-- Skeletons that the recruitment and registry issues extend; accounts of BASE and YOUTH point at them.
create table base (
  id          bigserial primary key,
  name        varchar(100) not null,
  region_code varchar(16) not null references region (code),
  created_at  timestamptz not null default now()
);

create table youth (
  id          bigserial primary key,
  name        varchar(50) not null,
  region_code varchar(16) references region (code),
  created_at  timestamptz not null default now()
);

create table user_account (
  id              bigserial primary key,
  username        varchar(64) not null unique,
  password_hash   varchar(100) not null,
  display_name    varchar(64) not null,
  role            varchar(20) not null check (role in ('CITY_ADMIN', 'DISTRICT_ADMIN', 'DEPARTMENT', 'BASE', 'YOUTH')),
  region_code     varchar(16) references region (code),
  department_code varchar(8) references department (code),
  base_id         bigint references base (id),
  youth_id        bigint references youth (id),
  enabled         boolean not null default true,
  created_at      timestamptz not null default now(),
  -- A scoped role must carry its scope, so no district admin can exist without a district.
  constraint district_admin_has_region check (role <> 'DISTRICT_ADMIN' or region_code is not null),
  constraint department_has_code check (role <> 'DEPARTMENT' or department_code is not null),
  constraint base_has_base check (role <> 'BASE' or base_id is not null),
  constraint youth_has_youth check (role <> 'YOUTH' or youth_id is not null)
);

create unique index user_account_youth_uq on user_account (youth_id) where youth_id is not null;

create table auth_session (
  id           uuid primary key,
  user_id      bigint not null references user_account (id),
  created_at   timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at   timestamptz not null,
  revoked_at   timestamptz,
  ip           varchar(64)
);
create index auth_session_user_idx on auth_session (user_id);

create table login_attempt (
  id       bigserial primary key,
  username varchar(64) not null,
  at       timestamptz not null default now(),
  success  boolean not null,
  ip       varchar(64)
);
create index login_attempt_username_at_idx on login_attempt (username, at desc);

create table audit_event (
  id             bigserial primary key,
  at             timestamptz not null default now(),
  actor_user_id  bigint,
  actor_username varchar(64),
  actor_role     varchar(20),
  action         varchar(64) not null,
  target_type    varchar(64),
  target_id      varchar(64),
  detail         text,
  ip             varchar(64)
);
create index audit_event_at_idx on audit_event (at desc, id desc);
create index audit_event_action_idx on audit_event (action, at desc);
create index audit_event_actor_idx on audit_event (actor_username, at desc);
