-- Recruitment: employers, base filing, the key-enterprise list, positions.

create table employer (
  id                 bigserial primary key,
  -- GB 32100-2015: 18 characters from the code's alphabet; the check character is verified in code.
  credit_code        char(18) not null unique
                     check (credit_code ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
  name               varchar(200) not null,
  region_code        varchar(16) not null references region (code),
  industry           varchar(64) not null,
  ownership          varchar(24) not null
                     check (ownership in ('STATE_OWNED', 'PRIVATE', 'FOREIGN', 'PUBLIC_INSTITUTION', 'SOCIAL_ORGANIZATION', 'OTHER')),
  operating_status   varchar(16) not null default 'EXISTING'
                     check (operating_status in ('EXISTING', 'OPERATING', 'REVOKED', 'DEREGISTERED', 'MOVED_OUT')),
  status_changed_at  timestamptz,
  created_at         timestamptz not null default now()
);
create index employer_region_idx on employer (region_code);

create table employer_key_category (
  employer_id   bigint not null references employer (id) on delete cascade,
  category_code varchar(16) not null references key_enterprise_category (code),
  primary key (employer_id, category_code)
);

-- The skeleton base table of V1 becomes the filing record (备案). No rows exist before this migration.
alter table base
  add column employer_id                  bigint not null references employer (id),
  add column status                       varchar(16) not null default 'PENDING'
                                          check (status in ('PENDING', 'APPROVED', 'REJECTED')),
  add column level                        varchar(16) not null default 'ORDINARY'
                                          check (level in ('ORDINARY', 'DISTRICT', 'CITY', 'NATIONAL')),
  add column source                       varchar(16) not null default 'SELF'
                                          check (source in ('SELF', 'DISTRICT', 'DEPARTMENT')),
  add column recommending_department_code varchar(8) references department (code),
  add column contact_name                 varchar(50) not null default '',
  add column contact_phone_enc            text,
  add column address                      varchar(200),
  add column applied_at                   timestamptz not null default now(),
  add column decided_at                   timestamptz,
  add column decided_by                   varchar(64),
  add column reject_reason                varchar(500),
  add column filed_year                   int,
  add constraint approved_base_has_filing_year check ((status = 'APPROVED') = (filed_year is not null)),
  add constraint rejected_base_has_reason check (status <> 'REJECTED' or reject_reason is not null),
  add constraint department_recommendation_names_department
      check ((source = 'DEPARTMENT') = (recommending_department_code is not null));
-- One live filing per employer; a rejected application may be followed by a new one.
create unique index base_one_live_filing_per_employer on base (employer_id) where status in ('PENDING', 'APPROVED');
create index base_region_status_idx on base (region_code, status);
create index base_filed_year_idx on base (filed_year, region_code);

-- The key-enterprise list (Annex 3) as uploaded by districts; matched to employers by credit code.
create table key_enterprise_entry (
  id            bigserial primary key,
  region_code   varchar(16) not null references region (code),
  category_code varchar(16) not null references key_enterprise_category (code),
  employer_name varchar(200) not null,
  credit_code   char(18) not null,
  uploaded_by   varchar(64) not null,
  uploaded_at   timestamptz not null default now(),
  unique (credit_code, category_code)
);
create index key_enterprise_entry_region_idx on key_enterprise_entry (region_code);

create table position (
  id                 bigserial primary key,
  base_id            bigint not null references base (id),
  title              varchar(100) not null,
  category           varchar(16) not null
                     check (category in ('RESEARCH', 'TECHNICAL', 'SOCIAL_SERVICE', 'MANAGEMENT', 'OTHER')),
  headcount          int not null check (headcount between 1 and 1000),
  education          varchar(16) not null
                     check (education in ('ANY', 'SECONDARY', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR')),
  majors             varchar(500) not null default '',
  description        text not null,
  region_code        varchar(16) not null references region (code),
  monthly_allowance  numeric(10, 2) not null check (monthly_allowance >= 0),
  duration_months    int not null check (duration_months between 3 and 12),
  deadline           date not null,
  department_code    varchar(8) references department (code),
  status             varchar(16) not null default 'DRAFT'
                     check (status in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'CLOSED')),
  reject_reason      varchar(500),
  close_reason       varchar(16) check (close_reason in ('FILLED', 'EXPIRED', 'WITHDRAWN')),
  filled_count       int not null default 0,
  first_published_at timestamptz,
  published_year     int,
  submitted_at       timestamptz,
  decided_at         timestamptz,
  decided_by         varchar(64),
  closed_at          timestamptz,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  constraint filled_within_headcount check (filled_count between 0 and headcount),
  constraint closed_has_reason check ((status = 'CLOSED') = (close_reason is not null)),
  constraint published_has_year check ((first_published_at is null) = (published_year is null)),
  constraint rejected_position_has_reason check (status <> 'REJECTED' or reject_reason is not null)
);
create index position_base_idx on position (base_id, status);
create index position_open_idx on position (status, deadline) where status = 'PUBLISHED';
create index position_published_year_idx on position (published_year, department_code);
