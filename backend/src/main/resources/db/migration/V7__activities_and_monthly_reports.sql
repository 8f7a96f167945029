-- Activities (matching events, policy sessions) and the inputs of the monthly reports.

create table activity (
  id                bigserial primary key,
  kind              varchar(20) not null check (kind in ('MATCHING_ONLINE', 'MATCHING_OFFLINE', 'POLICY_SESSION')),
  region_code       varchar(16) not null references region (code),
  held_on           date not null,
  title             varchar(200) not null,
  organizer         varchar(100) not null,
  venue             varchar(200),
  link              varchar(500),
  bases_count       int not null default 0 check (bases_count >= 0),
  positions_offered int not null default 0 check (positions_offered >= 0),
  unemployed_youth  int not null default 0 check (unemployed_youth >= 0),
  graduates         int not null default 0 check (graduates >= 0),
  employers_served  int not null default 0 check (employers_served >= 0),
  youth_served      int not null default 0 check (youth_served >= 0),
  created_by        varchar(64) not null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  -- Matching events count bases, positions and young participants; policy sessions count whom they served.
  constraint matching_fields check (kind = 'POLICY_SESSION' or (employers_served = 0 and youth_served = 0)),
  constraint session_fields check (kind <> 'POLICY_SESSION'
      or (bases_count = 0 and positions_offered = 0 and unemployed_youth = 0 and graduates = 0)),
  constraint offline_has_venue check (kind <> 'MATCHING_OFFLINE' or venue is not null)
);
create index activity_region_date_idx on activity (region_code, held_on);

-- Internships that started from a matching event (促成见习上岗): linked, never typed.
create table activity_placement (
  activity_id   bigint not null references activity (id) on delete cascade,
  internship_id bigint not null unique references internship (id),
  primary key (activity_id, internship_id)
);

-- What the district enters by hand: indicator 5, the planned participants of the month.
create table monthly_report_input (
  region_code          varchar(16) not null references region (code),
  period               date not null check (extract(day from period) = 1),
  planned_participants int check (planned_participants >= 0),
  updated_by           varchar(64) not null,
  updated_at           timestamptz not null default now(),
  primary key (region_code, period)
);
