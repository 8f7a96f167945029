-- Base certification (认定/备案, issue 11): receipts and review deadlines, the base's documents,
-- on-site inspections with their photos, resubmission rounds and the history of rejections.

-- The receipt number (受理回执) counts filings per region and filing year: JX-<region>-<year>-<serial>.
create table base_receipt_counter (
  region_code varchar(16) not null references region (code),
  year        integer     not null check (year between 2000 and 2100),
  last_serial integer     not null check (last_serial > 0),
  primary key (region_code, year)
);

alter table base
  add column receipt_no       varchar(32),
  add column review_deadline  date,
  add column submitted_at     timestamptz,
  add column submission_round integer not null default 1 check (submission_round >= 1);

-- Every filing so far gets its receipt in the order it was filed, and its counter carries on from there.
with numbered as (
  select id, region_code, extract(year from applied_at at time zone 'Asia/Shanghai')::int as y,
         row_number() over (partition by region_code, extract(year from applied_at at time zone 'Asia/Shanghai')
                            order by applied_at, id) as n
  from base)
update base b set receipt_no = 'JX-' || n.region_code || '-' || n.y || '-' || lpad(n.n::text, 6, '0')
from numbered n where n.id = b.id;

insert into base_receipt_counter (region_code, year, last_serial)
select region_code, extract(year from applied_at at time zone 'Asia/Shanghai')::int, count(*)
from base group by 1, 2;

update base set submitted_at = applied_at;

-- Whatever writes a base (the filing service, the history import, the demo population), the database
-- numbers it from its filing time (written from the application's clock), so no filing lacks a receipt.
create function base_assign_receipt() returns trigger language plpgsql as $$
declare
  y integer := extract(year from new.applied_at at time zone 'Asia/Shanghai')::int;
  serial integer;
begin
  if new.receipt_no is null then
    insert into base_receipt_counter (region_code, year, last_serial) values (new.region_code, y, 1)
    on conflict (region_code, year) do update set last_serial = base_receipt_counter.last_serial + 1
    returning last_serial into serial;
    new.receipt_no := 'JX-' || new.region_code || '-' || y || '-' || lpad(serial::text, 6, '0');
  end if;
  if new.submitted_at is null then
    new.submitted_at := new.applied_at;
  end if;
  return new;
end $$;

create trigger base_receipt before insert on base for each row execute function base_assign_receipt();

alter table base alter column receipt_no set not null,
  add constraint base_receipt_no_unique unique (receipt_no),
  add constraint base_receipt_no_format check (receipt_no ~ '^JX-[0-9A-Z]+-[0-9]{4}-[0-9]{6,}$'),
  alter column submitted_at set not null,
  add constraint base_deadline_after_submission check (review_deadline is null
      or review_deadline >= (submitted_at at time zone 'Asia/Shanghai')::date);

-- The overdue filter of a district's review queue.
create index base_pending_deadline_idx on base (region_code, review_deadline) where status = 'PENDING';
-- The public list of certified bases.
create index base_approved_region_idx on base (region_code, decided_at) where status = 'APPROVED';

-- 现场核查: two distinct inspectors, a conclusion, recorded for a submission round of the filing.
create table base_inspection (
  id               bigserial primary key,
  base_id          bigint       not null references base (id),
  submission_round integer      not null check (submission_round >= 1),
  inspected_on     date         not null,
  inspector_one    varchar(50)  not null check (btrim(inspector_one) <> ''),
  inspector_two    varchar(50)  not null check (btrim(inspector_two) <> ''),
  findings         varchar(2000) not null check (btrim(findings) <> ''),
  conclusion       varchar(16)  not null check (conclusion in ('PASSED', 'FAILED')),
  recorded_by      varchar(64)  not null,
  recorded_at      timestamptz  not null,
  constraint base_inspection_two_inspectors check (btrim(inspector_one) <> btrim(inspector_two))
);
create index base_inspection_base_idx on base_inspection (base_id, submission_round);

-- The base's documents and the inspectors' photos: files checked by content, stored in the data directory.
create table base_file (
  id            bigserial primary key,
  base_id       bigint       not null references base (id),
  inspection_id bigint references base_inspection (id),
  kind          varchar(24)  not null check (kind in ('BUSINESS_LICENCE', 'WORKPLACE_PHOTO', 'OTHER', 'INSPECTION_PHOTO')),
  file_name     varchar(200) not null,
  content_type  varchar(100) not null,
  size_bytes    bigint       not null check (size_bytes > 0),
  sha256        char(64)     not null,
  storage_key   varchar(200) not null unique,
  uploaded_by   varchar(64)  not null,
  uploaded_at   timestamptz  not null,
  -- A photo belongs to an inspection; a document to the filing alone.
  constraint base_file_photo_has_inspection check ((kind = 'INSPECTION_PHOTO') = (inspection_id is not null))
);
create index base_file_base_idx on base_file (base_id);

-- Each rejection, kept when the base corrects and resubmits its filing.
create table base_rejection (
  id               bigserial primary key,
  base_id          bigint       not null references base (id),
  submission_round integer      not null check (submission_round >= 1),
  reason           varchar(500) not null check (btrim(reason) <> ''),
  rejected_at      timestamptz  not null,
  rejected_by      varchar(64)  not null,
  constraint base_rejection_once_per_round unique (base_id, submission_round)
);

-- Rejections decided before this migration become the first entry of their filing's history.
insert into base_rejection (base_id, submission_round, reason, rejected_at, rejected_by)
select id, 1, coalesce(nullif(btrim(reject_reason), ''), '（未记录理由）'), coalesce(decided_at, applied_at), coalesce(decided_by, 'system')
from base where status = 'REJECTED';
