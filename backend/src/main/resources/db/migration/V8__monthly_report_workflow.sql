-- Submitted monthly reports: each submission is a version holding a frozen snapshot of both tables.

create table monthly_report (
  id               bigserial primary key,
  region_code      varchar(16) not null references region (code),
  period           date not null check (extract(day from period) = 1),
  version          int not null check (version >= 1),
  status           varchar(16) not null check (status in ('SUBMITTED', 'ACCEPTED', 'RETURNED', 'SUPERSEDED')),
  annex4           jsonb not null,
  annex5           jsonb not null,
  filled_by        varchar(50) not null,
  filled_phone_enc text not null,
  filled_on        date not null,
  submitted_by     varchar(64) not null,
  submitted_at     timestamptz not null default now(),
  decided_by       varchar(64),
  decided_at       timestamptz,
  return_reason    varchar(500),
  unique (region_code, period, version),
  constraint returned_has_reason check (status <> 'RETURNED' or return_reason is not null)
);
-- At most one submission waiting for review per region and month.
create unique index monthly_report_one_pending on monthly_report (region_code, period) where status = 'SUBMITTED';
