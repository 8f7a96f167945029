-- The records districts keep for each activity (台账, sign-in sheets, photos) and sign-ups by bases and young people.

create table activity_attachment (
  id           bigserial primary key,
  activity_id  bigint not null references activity (id) on delete cascade,
  kind         varchar(16) not null check (kind in ('LEDGER', 'SIGN_IN', 'PHOTO', 'OTHER')),
  file_name    varchar(200) not null,
  content_type varchar(100) not null,
  size_bytes   bigint not null check (size_bytes > 0),
  sha256       char(64) not null,
  storage_key  varchar(200) not null unique,
  uploaded_by  varchar(64) not null,
  uploaded_at  timestamptz not null default now()
);
create index activity_attachment_activity_idx on activity_attachment (activity_id);

create table activity_signup (
  id          bigserial primary key,
  activity_id bigint not null references activity (id) on delete cascade,
  base_id     bigint references base (id),
  youth_id    bigint references youth (id),
  created_at  timestamptz not null default now(),
  constraint signup_one_party check (num_nonnulls(base_id, youth_id) = 1),
  unique (activity_id, base_id),
  unique (activity_id, youth_id)
);
