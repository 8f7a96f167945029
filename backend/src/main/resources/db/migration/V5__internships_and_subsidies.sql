-- Internships from an accepted offer to their outcome, monthly confirmations, subsidy claims and payments.

create extension if not exists btree_gist;

-- Rates are data the city admin keeps per year: Chongqing's published standard and the living-allowance floor.
create table subsidy_rate (
  year                   int primary key check (year between 2000 and 2100),
  standard_monthly       numeric(10, 2) not null check (standard_monthly > 0),
  high_retention_monthly numeric(10, 2) not null check (high_retention_monthly >= standard_monthly),
  retention_threshold    numeric(4, 3) not null check (retention_threshold > 0 and retention_threshold <= 1),
  insurance_per_person   numeric(10, 2) not null check (insurance_per_person >= 0),
  allowance_floor        numeric(10, 2) not null check (allowance_floor >= 0),
  updated_at             timestamptz not null default now(),
  updated_by             varchar(64) not null default 'system'
);
insert into subsidy_rate (year, standard_monthly, high_retention_monthly, retention_threshold, insurance_per_person, allowance_floor)
values (2023, 1300, 1500, 0.5, 100, 2100), (2024, 1300, 1500, 0.5, 100, 2100),
       (2025, 1300, 1500, 0.5, 100, 2100), (2026, 1300, 1500, 0.5, 100, 2100);

create table internship (
  id                  bigserial primary key,
  application_id      bigint unique references application (id),
  youth_id            bigint not null references youth (id),
  base_id             bigint not null references base (id),
  position_id         bigint not null references position (id),
  region_code         varchar(16) not null references region (code),
  state               varchar(16) not null
                      check (state in ('PENDING', 'ON_POST', 'COMPLETED', 'RETAINED_EARLY', 'ABNORMAL')),
  mentor_name         varchar(50),
  mentor_phone_enc    text,
  start_date          date not null,
  planned_end         date not null,
  actual_end          date,
  monthly_allowance   numeric(10, 2) not null check (monthly_allowance >= 0),
  -- Whether the intern was an unemployed college graduate within two years when they arrived (indicators 7, 10).
  unemployed_graduate boolean not null,
  end_reason          varchar(500),
  outcome             varchar(24) check (outcome in ('RETAINED', 'EMPLOYED_ELSEWHERE', 'NOT_EMPLOYED')),
  outcome_channel     varchar(24) check (outcome_channel in ('BASE_RECOMMENDATION', 'PUBLIC_SERVICE', 'OWN_SEARCH')),
  outcome_date        date,
  agreement_signed_at timestamptz,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  constraint planned_three_to_twelve_months
      check (planned_end >= start_date + interval '3 months' - interval '1 day'
             and planned_end <= start_date + interval '12 months'),
  constraint end_not_before_start check (actual_end is null or actual_end >= start_date),
  constraint ended_states_have_an_end check ((state in ('COMPLETED', 'RETAINED_EARLY', 'ABNORMAL')) = (actual_end is not null)),
  constraint abnormal_end_before_plan check (state <> 'ABNORMAL' or (actual_end < planned_end and end_reason is not null)),
  constraint early_retention_before_plan check (state <> 'RETAINED_EARLY' or actual_end < planned_end),
  constraint completed_at_plan check (state <> 'COMPLETED' or actual_end >= planned_end),
  constraint elsewhere_has_channel check ((outcome = 'EMPLOYED_ELSEWHERE') = (outcome_channel is not null)),
  -- One young person, one internship at a time: enforced by the database, not only by code.
  constraint no_overlapping_internships exclude using gist (
      youth_id with =, daterange(start_date, coalesce(actual_end, planned_end), '[]') with &&)
);
create index internship_region_idx on internship (region_code, start_date);
create index internship_base_idx on internship (base_id, state);

create table internship_follow_up (
  internship_id bigint not null references internship (id),
  months        int not null check (months in (3, 6)),
  employed      boolean not null,
  note          varchar(500),
  recorded_by   varchar(64) not null,
  recorded_at   timestamptz not null default now(),
  primary key (internship_id, months)
);

create table internship_month (
  internship_id      bigint not null references internship (id),
  month              date not null check (extract(day from month) = 1),
  days_present       int check (days_present between 0 and 31),
  base_confirmed_at  timestamptz,
  base_confirmed_by  varchar(64),
  youth_confirmed_at timestamptz,
  youth_flagged_at   timestamptz,
  youth_flag_reason  varchar(500),
  primary key (internship_id, month)
);

create table subsidy_claim (
  id               bigserial primary key,
  internship_id    bigint not null references internship (id),
  month            date not null check (extract(day from month) = 1),
  base_id          bigint not null references base (id),
  region_code      varchar(16) not null references region (code),
  status           varchar(16) not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'PAID')),
  requested_amount numeric(12, 2) not null check (requested_amount >= 0),
  approved_amount  numeric(12, 2) check (approved_amount >= 0),
  reject_reason    varchar(500),
  submitted_at     timestamptz not null default now(),
  decided_at       timestamptz,
  decided_by       varchar(64),
  constraint approved_claim_has_amount check (status not in ('APPROVED', 'PAID') or approved_amount is not null),
  constraint rejected_claim_has_reason check (status <> 'REJECTED' or reject_reason is not null)
);
-- One live claim per intern per month; a rejected one may be claimed again after correction.
create unique index subsidy_claim_once_per_month on subsidy_claim (internship_id, month) where status <> 'REJECTED';
create index subsidy_claim_region_idx on subsidy_claim (region_code, status);

create table disbursement (
  id            bigserial primary key,
  claim_id      bigint not null references subsidy_claim (id),
  region_code   varchar(16) not null references region (code),
  paid_on       date not null,
  amount        numeric(12, 2) not null check (amount > 0),
  funding_level varchar(16) not null check (funding_level in ('CENTRAL', 'CITY', 'DISTRICT')),
  recorded_by   varchar(64) not null,
  recorded_at   timestamptz not null default now()
);
create index disbursement_region_date_idx on disbursement (region_code, paid_on);

-- A filing can be revoked (e.g. after fraud); a revoked base claims no subsidy and publishes nothing.
alter table base drop constraint base_status_check;
alter table base add constraint base_status_check check (status in ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED'));
alter table base add column revoked_at timestamptz, add column revoke_reason varchar(500);
-- A revoked base keeps the year it was filed in, for the record; the dashboard counts approved bases only.
alter table base drop constraint approved_base_has_filing_year;
alter table base add constraint filed_base_has_filing_year check ((status in ('APPROVED', 'REVOKED')) = (filed_year is not null));
