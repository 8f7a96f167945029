-- A district's records from the previous 见习系统, brought in once at go-live: each imported row is
-- remembered by its key in the old system, so importing the same file again changes nothing.

create table history_import (
  id            bigserial primary key,
  region_code   varchar(16) not null references region (code),
  file_name     varchar(200) not null,
  file_sha256   char(64) not null,
  uploaded_by   varchar(64) not null,
  imported_at   timestamptz not null,
  created_rows  int not null check (created_rows >= 0),
  unchanged_rows int not null check (unchanged_rows >= 0)
);

create table history_record (
  region_code varchar(16) not null references region (code),
  kind        varchar(16) not null check (kind in ('BASE', 'POSITION', 'INTERNSHIP', 'DISBURSEMENT')),
  legacy_key  varchar(200) not null,
  target_id   bigint not null,
  row_hash    char(64) not null,
  import_id   bigint not null references history_import (id),
  primary key (region_code, kind, legacy_key)
);
