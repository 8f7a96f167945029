-- Young people: real-name registry, shared rosters, services, applications, notifications.

-- The skeleton youth table of V1 becomes the registry record. Personal data is encrypted in the
-- application (AES-GCM); the keyed hash finds a person by ID number without decrypting.
alter table youth
  add column id_number_enc        text,
  add column id_number_hash       char(64),
  add column birth_date           date,
  add column sex                  char(1) check (sex in ('M', 'F')),
  add column phone_enc            text,
  add column education            varchar(16) check (education in ('SECONDARY', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR')),
  add column school               varchar(100),
  add column major                varchar(100),
  add column graduation_date      date,
  add column current_status       varchar(16) not null default 'UNEMPLOYED'
                                  check (current_status in ('UNEMPLOYED', 'EMPLOYED', 'STUDYING')),
  add column internship_intention boolean not null default false,
  add column training_intention   boolean not null default false,
  add column preferred_regions    varchar(16)[] not null default '{}',
  add column preferred_categories varchar(16)[] not null default '{}',
  add column hardship             varchar(24)[] not null default '{}',
  add column source               varchar(16) not null default 'SELF' check (source in ('SELF', 'ROSTER', 'STAFF')),
  add column updated_at           timestamptz not null default now();
create unique index youth_id_number_hash_uq on youth (id_number_hash) where id_number_hash is not null;
create index youth_region_idx on youth (region_code);
create index youth_intention_idx on youth (internship_intention, current_status);

create table import_batch (
  id            bigserial primary key,
  kind          varchar(24) not null check (kind in ('GRADUATE_ROSTER', 'ENTERPRISE_STATUS')),
  file_name     varchar(200) not null,
  file_sha256   char(64) not null,
  source        varchar(64) not null,
  uploaded_by   varchar(64) not null,
  status        varchar(16) not null check (status in ('PROCESSING', 'COMPLETED', 'FAILED')),
  total_rows    int not null default 0,
  created_rows  int not null default 0,
  updated_rows  int not null default 0,
  unchanged_rows int not null default 0,
  error_rows    int not null default 0,
  failure       varchar(500),
  started_at    timestamptz not null default now(),
  finished_at   timestamptz
);

create table import_row_error (
  batch_id bigint not null references import_batch (id) on delete cascade,
  row_no   int not null,
  field    varchar(64) not null,
  reason   varchar(300) not null,
  primary key (batch_id, row_no, field)
);

create table service_record (
  id          bigserial primary key,
  youth_id    bigint not null references youth (id),
  kind        varchar(24) not null check (kind in ('POSITION_PUSH', 'CAREER_GUIDANCE', 'TRAINING_REFERRAL', 'PHONE_FOLLOW_UP')),
  position_id bigint references position (id),
  note        varchar(500),
  region_code varchar(16) references region (code),
  served_by   varchar(64) not null,
  served_at   timestamptz not null default now()
);
create index service_record_youth_idx on service_record (youth_id);

create table application (
  id              bigserial primary key,
  youth_id        bigint not null references youth (id),
  position_id     bigint not null references position (id),
  status          varchar(16) not null
                  check (status in ('SUBMITTED', 'SCREENING', 'INTERVIEW', 'OFFERED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')),
  interview_at    timestamptz,
  interview_place varchar(200),
  reject_reason   varchar(500),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  constraint interview_has_time_and_place check (status <> 'INTERVIEW' or (interview_at is not null and interview_place is not null)),
  constraint rejection_has_reason check (status <> 'REJECTED' or reject_reason is not null)
);
-- One active application per young person and position.
create unique index application_one_active on application (youth_id, position_id)
  where status in ('SUBMITTED', 'SCREENING', 'INTERVIEW', 'OFFERED', 'ACCEPTED');
create index application_position_idx on application (position_id, status);

create table notification (
  id         bigserial primary key,
  user_id    bigint references user_account (id),
  base_id    bigint references base (id),
  youth_id   bigint references youth (id),
  title      varchar(100) not null,
  body       varchar(500) not null,
  link       varchar(200),
  created_at timestamptz not null default now(),
  read_at    timestamptz,
  constraint notification_has_recipient check (num_nonnulls(user_id, base_id, youth_id) = 1)
);
create index notification_youth_idx on notification (youth_id, created_at desc);
create index notification_base_idx on notification (base_id, created_at desc);
