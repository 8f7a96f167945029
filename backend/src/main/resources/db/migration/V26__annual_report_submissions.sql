-- The annual implementation report (年度计划实施情况报告) as a submission: each submission of a region's year is
-- a version holding the eight Annex 2 figures and the service rate frozen as computed at submission, and the
-- district's narrative. A region that never submitted has no row (shown as DRAFT). A returned version stays as
-- it was; the district resubmits as a new version. An accepted version is final.

create table annual_report (
  id             bigserial primary key,
  year           int not null check (year between 2000 and 2100),
  region_code    varchar(16) not null references region (code),
  version        int not null check (version >= 1),
  status         varchar(16) not null check (status in ('SUBMITTED', 'RETURNED', 'ACCEPTED')),
  -- AnnualReportService.RegionYear as JSON: the eight {target, achieved} figures and serviceRate.
  figures        jsonb not null check (jsonb_typeof(figures) = 'object' and figures ? 'newBases' and figures ? 'positions'),
  work_done      text not null check (char_length(btrim(work_done)) between 1 and 5000),
  problems       text not null check (char_length(btrim(problems)) between 1 and 3000),
  next_year_plan text not null check (char_length(btrim(next_year_plan)) between 1 and 3000),
  submitted_by   varchar(64) not null,
  submitted_at   timestamptz not null,
  reviewed_by    varchar(64),
  reviewed_at    timestamptz,
  return_reason  varchar(500),
  constraint annual_report_version_once unique (year, region_code, version),
  -- Reviewed exactly when no longer waiting; a reason exactly when returned.
  constraint annual_report_reviewed_when_decided check ((status = 'SUBMITTED') = (reviewed_at is null)
                                                        and (reviewed_by is null) = (reviewed_at is null)),
  constraint annual_report_returned_has_reason check ((status = 'RETURNED') = (return_reason is not null
                                                      and char_length(btrim(return_reason)) > 0)),
  constraint annual_report_reviewed_after_submission check (reviewed_at is null or reviewed_at >= submitted_at)
);

-- The current version: at most one submission per region and year is waiting or accepted (returned ones are history).
create unique index annual_report_one_current on annual_report (year, region_code) where status in ('SUBMITTED', 'ACCEPTED');
create index annual_report_year_idx on annual_report (year, status);
