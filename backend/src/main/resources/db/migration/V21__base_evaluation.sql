-- The yearly evaluation of bases (年度综合评估) and the three-level demonstration system (notice part 4).
-- See docs/notice.md "基地年度评估" for each figure's definition and ADR 0015 for the workflow.

-- The young person's rating when an internship ends (owned by the internship context).
create table internship_rating (
  internship_id bigint primary key references internship (id),
  score         smallint not null check (score between 1 and 5),
  comment       varchar(500),
  rated_at      timestamptz not null
);

-- When the employer was established (成立日期, market regulation); the national eligibility reads it.
alter table employer add column established_on date;

-- A year's scheme, kept as data and edited by the city.
create table evaluation_scheme (
  year       int primary key check (year between 2000 and 2100),
  updated_by varchar(64) not null,
  updated_at timestamptz not null default now()
);

create table evaluation_criterion (
  year    int not null references evaluation_scheme (year) on delete cascade,
  code    varchar(32) not null check (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
  name    varchar(50) not null,
  kind    varchar(16) not null check (kind in ('COMPUTED', 'MANUAL')),
  metric  varchar(32) check (metric in ('POSITIONS_VS_COMMITMENT', 'INTAKE', 'COMPLETION_RATE', 'RETENTION_RATE',
                                        'ABNORMAL_END_RATE', 'CONFIRMATIONS_ON_TIME', 'CLEAN_CLAIMS', 'SATISFACTION')),
  weight  numeric(5, 2) not null check (weight > 0 and weight <= 100),
  -- A computed criterion scores linearly from zero points at zero_at to full points at full_at (either direction).
  full_at numeric(8, 4),
  zero_at numeric(8, 4),
  seq     int not null,
  primary key (year, code),
  constraint computed_has_metric check ((kind = 'COMPUTED') = (metric is not null)),
  constraint computed_has_scale check (kind = 'MANUAL' or (full_at is not null and zero_at is not null and full_at <> zero_at)),
  constraint manual_has_no_scale check (kind = 'COMPUTED' or (full_at is null and zero_at is null))
);

-- Eligibility for the national recommendation, one threshold per rule.
create table evaluation_eligibility_rule (
  year      int not null references evaluation_scheme (year) on delete cascade,
  rule      varchar(32) not null check (rule in ('OPERATING_YEARS_AT_LEAST', 'INTERNS_AT_LEAST',
                                                 'ABNORMAL_RATE_BELOW', 'RETENTION_AT_LEAST')),
  threshold numeric(8, 4) not null check (threshold >= 0),
  primary key (year, rule)
);

-- The positions a base commits to offer in a year (承诺岗位数), against which its offer is scored.
create table evaluation_commitment (
  year        int not null check (year between 2000 and 2100),
  base_id     bigint not null references base (id),
  positions   int not null check (positions between 1 and 100000),
  recorded_by varchar(64) not null,
  recorded_at timestamptz not null,
  primary key (year, base_id)
);

-- A district's evaluation of one year; closing freezes every base's sheet.
create table evaluation_round (
  year        int not null check (year between 2000 and 2100),
  region_code varchar(16) not null references region (code),
  closed_at   timestamptz not null,
  closed_by   varchar(64) not null,
  bases       int not null check (bases >= 0),
  proposed    int not null check (proposed >= 0 and proposed <= bases),
  primary key (year, region_code)
);

create table evaluation_manual_score (
  year           int not null,
  base_id        bigint not null references base (id),
  criterion_code varchar(32) not null,
  percent        numeric(5, 2) not null check (percent between 0 and 100),
  note           varchar(500) not null check (length(trim(note)) > 0),
  scored_by      varchar(64) not null,
  scored_at      timestamptz not null,
  primary key (year, base_id, criterion_code),
  foreign key (year, criterion_code) references evaluation_criterion (year, code) on delete cascade
);

-- The frozen sheet of a closed round: the ranking and every criterion's inputs as they were at closing.
create table evaluation_result (
  year        int not null,
  base_id     bigint not null references base (id),
  region_code varchar(16) not null references region (code),
  total       numeric(6, 2) not null check (total between 0 and 100),
  rank        int not null check (rank >= 1),
  proposed    boolean not null,
  sheet       jsonb not null,
  primary key (year, base_id),
  unique (year, region_code, rank),
  foreign key (year, region_code) references evaluation_round (year, region_code)
);

-- Each step of the selection: district demonstration base, nomination to the city, city demonstration base,
-- recommendation to the national selection, national demonstration base.
create table demonstration_award (
  year             int not null,
  base_id          bigint not null references base (id),
  region_code      varchar(16) not null references region (code),
  stage            varchar(24) not null
                   check (stage in ('DISTRICT', 'CITY_NOMINATED', 'CITY', 'NATIONAL_RECOMMENDED', 'NATIONAL')),
  -- A district may replace a proposed base with another, for a recorded reason.
  replaces_base_id bigint references base (id),
  reason           varchar(500),
  decided_by       varchar(64) not null,
  decided_at       timestamptz not null,
  primary key (year, base_id, stage),
  constraint replacement_has_reason check (replaces_base_id is null or (stage = 'DISTRICT' and reason is not null)),
  foreign key (year, base_id) references evaluation_result (year, base_id)
);
create index demonstration_award_stage_idx on demonstration_award (year, stage, region_code);

-- The level a base holds comes from the latest selection; the year says which selection gave it.
alter table base add column level_year int check (level_year between 2000 and 2100);
update base set level_year = coalesce(filed_year, 2023) where level <> 'ORDINARY';
alter table base add constraint demonstration_level_has_year check ((level = 'ORDINARY') = (level_year is null));

-- The default scheme (weights sum to 100) for the years the platform runs.
insert into evaluation_scheme (year, updated_by) select y, 'system' from generate_series(2023, 2027) y;
insert into evaluation_criterion (year, code, name, kind, metric, weight, full_at, zero_at, seq)
select y, c.code, c.name, c.kind, c.metric, c.weight, c.full_at, c.zero_at, c.seq
from generate_series(2023, 2027) y cross join (values
  ('POSITIONS', '岗位提供（对照承诺）', 'COMPUTED', 'POSITIONS_VS_COMMITMENT', 15, 1.0, 0.0, 1),
  ('INTAKE', '见习吸纳（到岗/岗位）', 'COMPUTED', 'INTAKE', 15, 0.8, 0.0, 2),
  ('COMPLETION', '见习完成率', 'COMPUTED', 'COMPLETION_RATE', 15, 0.9, 0.0, 3),
  ('RETENTION', '留用率', 'COMPUTED', 'RETENTION_RATE', 15, 0.5, 0.0, 4),
  ('ABNORMAL', '非正常结束率', 'COMPUTED', 'ABNORMAL_END_RATE', 10, 0.2, 0.6, 5),
  ('CONFIRMATIONS', '按月确认及时率', 'COMPUTED', 'CONFIRMATIONS_ON_TIME', 5, 1.0, 0.5, 6),
  ('CLAIMS', '补贴申领规范率', 'COMPUTED', 'CLEAN_CLAIMS', 5, 1.0, 0.5, 7),
  ('SATISFACTION', '见习人员满意度', 'COMPUTED', 'SATISFACTION', 10, 5.0, 1.0, 8),
  ('INSPECTION', '现场核查', 'MANUAL', null, 4, null, null, 9),
  ('SAFETY', '安全生产', 'MANUAL', null, 3, null, null, 10),
  ('COMPLAINTS', '投诉处理', 'MANUAL', null, 3, null, null, 11)
) as c (code, name, kind, metric, weight, full_at, zero_at, seq);
insert into evaluation_eligibility_rule (year, rule, threshold)
select y, r.rule, r.threshold from generate_series(2023, 2027) y cross join (values
  ('OPERATING_YEARS_AT_LEAST', 3), ('INTERNS_AT_LEAST', 50), ('ABNORMAL_RATE_BELOW', 0.2), ('RETENTION_AT_LEAST', 0.5)
) as r (rule, threshold);
