-- Disqualification of bases (取消见习基地资格) and typical persons (选树报送典型人物), notice part 4.
-- See docs/adr/0016-disqualification-and-typical-persons.md.

-- The rules as data: the city switches them on and off and sets their parameters.
create table disqualification_rule (
  code       varchar(32) primary key
             check (code in ('NO_INTERN_WITHIN_MONTHS', 'LOW_RETENTION_YEARS', 'MARKET_DEREGISTERED', 'SERIOUS_COMPLAINT_UPHELD')),
  name       varchar(50) not null,
  enabled    boolean not null,
  months     int check (months between 1 and 60),
  rate       numeric(5, 4) check (rate > 0 and rate <= 1),
  years      int check (years between 1 and 5),
  seq        int not null,
  updated_by varchar(64) not null,
  updated_at timestamptz not null,
  constraint months_rule_has_months check ((code = 'NO_INTERN_WITHIN_MONTHS') = (months is not null)),
  constraint retention_rule_has_rate_and_years
      check ((code = 'LOW_RETENTION_YEARS') = (rate is not null) and (code = 'LOW_RETENTION_YEARS') = (years is not null))
);
insert into disqualification_rule (code, name, enabled, months, rate, years, seq, updated_by, updated_at) values
  ('NO_INTERN_WITHIN_MONTHS', '备案后长期无人见习', true, 12, null, null, 1, 'system', now()),
  ('LOW_RETENTION_YEARS', '连续多年留用率偏低', true, null, 0.2000, 2, 2, 'system', now()),
  ('MARKET_DEREGISTERED', '单位被吊销或注销', true, null, null, null, 3, 'system', now()),
  ('SERIOUS_COMPLAINT_UPHELD', '严重投诉查实', true, null, null, null, 4, 'system', now());

-- Complaints against a base, recorded and decided by its district.
create table base_complaint (
  id           bigserial primary key,
  base_id      bigint not null references base (id),
  region_code  varchar(16) not null references region (code),
  received_on  date not null,
  summary      varchar(500) not null check (length(trim(summary)) > 0),
  serious      boolean not null,
  outcome      varchar(16) not null check (outcome in ('PENDING', 'UPHELD', 'DISMISSED')),
  outcome_note varchar(500),
  recorded_by  varchar(64) not null,
  recorded_at  timestamptz not null,
  updated_at   timestamptz not null,
  constraint decided_outcome_has_note check (outcome = 'PENDING' or (outcome_note is not null and length(trim(outcome_note)) > 0))
);
create index base_complaint_base_idx on base_complaint (base_id, received_on);
create index base_complaint_region_idx on base_complaint (region_code, received_on);

-- A case: the district warned a base under one rule, then decides rectification, revocation or dismissal.
create table disqualification_case (
  id            bigserial primary key,
  base_id       bigint not null references base (id),
  region_code   varchar(16) not null references region (code),
  rule          varchar(32) not null references disqualification_rule (code),
  status        varchar(16) not null check (status in ('WARNED', 'RECTIFYING', 'REVOKED', 'DISMISSED')),
  -- The figures that met the rule when the base was warned, as the base was shown them.
  evidence      varchar(1000) not null,
  warned_at     timestamptz not null,
  warned_by     varchar(64) not null,
  rectify_by    date,
  decision_note varchar(500),
  decided_at    timestamptz,
  decided_by    varchar(64),
  constraint rectifying_has_date check (status <> 'RECTIFYING' or rectify_by is not null),
  constraint decided_has_note check (status = 'WARNED' or (decision_note is not null and decided_at is not null and decided_by is not null))
);
-- One open case per base and rule.
create unique index disqualification_case_open_idx on disqualification_case (base_id, rule)
  where status in ('WARNED', 'RECTIFYING');
create index disqualification_case_region_idx on disqualification_case (region_code, warned_at);

-- A typical person a district submits for the city's selection, with the person's consent.
create table typical_person (
  id             bigserial primary key,
  internship_id  bigint not null unique references internship (id),
  region_code    varchar(16) not null references region (code),
  title          varchar(100) not null check (length(trim(title)) > 0),
  story          varchar(2000) not null check (length(trim(story)) > 0),
  consent_on     date not null,
  consent_method varchar(8) not null check (consent_method in ('WRITTEN', 'ONLINE')),
  status         varchar(12) not null check (status in ('SUBMITTED', 'APPROVED', 'RETURNED')),
  -- The year of the latest submission: the year the person counts toward Annex 2 once approved.
  year           int not null check (year between 2000 and 2100),
  submitted_at   timestamptz not null,
  submitted_by   varchar(64) not null,
  decided_at     timestamptz,
  decided_by     varchar(64),
  return_reason  varchar(500),
  constraint returned_has_reason check ((status = 'RETURNED') = (return_reason is not null)),
  constraint decided_has_decider check (status = 'SUBMITTED' or (decided_at is not null and decided_by is not null))
);
create index typical_person_region_idx on typical_person (region_code, year, status);
