-- Frozen report versions: a correction of an accepted report carries its reason; the city closes a
-- month as a version of its own, composed of the regions' accepted (else submitted) versions.

alter table monthly_report add column correction_reason varchar(500);
alter table monthly_report add column origin varchar(16) not null default 'ONLINE' check (origin in ('ONLINE', 'MIGRATED'));

create table city_monthly_report (
  id          bigserial primary key,
  period      date not null check (extract(day from period) = 1),
  version     int not null check (version >= 1),
  annex4      jsonb not null,
  annex5      jsonb not null,
  -- Per region: which version (or LIVE) each figure came from when the city closed the month.
  composition jsonb not null,
  closed_by   varchar(64) not null,
  closed_at   timestamptz not null,
  unique (period, version)
);

-- Indicator 5 is now counted from agreements and arrivals; the district no longer types it.
comment on table monthly_report_input is 'Unused since V12: indicator 5 is counted from the records.';
