-- Account security (issue 10): sessions that end with the account's credentials, password history and
-- expiry, phones verified by one-time codes, and district confirmation of roster claims.

-- Restricted sessions may only change the password (expired or administrator-reset passwords).
alter table auth_session add column restricted boolean not null default false;
alter table auth_session add column ended_reason varchar(32)
  check (ended_reason in ('LOGOUT', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'ACCOUNT_DISABLED', 'BASE_REVOKED', 'ACCOUNT_CLOSED'));
create index auth_session_live_idx on auth_session (user_id) where revoked_at is null;

alter table user_account add column password_changed_at timestamptz;
update user_account set password_changed_at = created_at;
alter table user_account alter column password_changed_at set not null;
-- Rows written outside the application (seeds, DBA fixes) start their password age when written.
alter table user_account alter column password_changed_at set default now();
-- Set by an administrator's reset: the next login may only choose a new password.
alter table user_account add column must_change_password boolean not null default false;
-- The phone one-time codes for password reset go to; encrypted, with a keyed hash for lookups.
alter table user_account add column phone_enc text;
alter table user_account add column phone_hash varchar(64);
create index user_account_phone_hash_idx on user_account (phone_hash) where phone_hash is not null;

-- The hashes of earlier passwords, so the last five cannot be chosen again.
create table password_history (
  id         bigserial primary key,
  user_id    bigint not null references user_account (id),
  hash       varchar(100) not null,
  changed_at timestamptz not null
);
create index password_history_user_idx on password_history (user_id, changed_at desc);

-- Login failures are counted per account and client address; the address is now required for that.
create index login_attempt_username_ip_at_idx on login_attempt (username, ip, at desc);

-- One-time codes proving control of a phone. Only a keyed hash of the phone and of the code is kept.
create table one_time_code (
  id          bigserial primary key,
  purpose     varchar(20) not null check (purpose in ('REGISTRATION', 'PASSWORD_RESET')),
  phone_hash  varchar(64) not null,
  code_hash   varchar(64) not null,
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  attempts    int not null default 0 check (attempts >= 0),
  consumed_at timestamptz,
  check (expires_at > created_at)
);
create index one_time_code_lookup_idx on one_time_code (phone_hash, purpose, created_at desc);

-- Messages handed to the SMS sender: the outbox implementation (make run, tests) keeps them here.
create table sms_outbox (
  id         bigserial primary key,
  phone_enc  text not null,
  phone_hash varchar(64) not null,
  template   varchar(32) not null,
  body       text not null,
  created_at timestamptz not null
);
create index sms_outbox_phone_idx on sms_outbox (phone_hash, created_at desc);

-- A registration whose ID number matches a roster record with another phone: the district confirms
-- that the applicant is the person on the roster before the record is claimed.
create table youth_claim (
  id             bigserial primary key,
  youth_id       bigint not null references youth (id),
  region_code    varchar(16) references region (code),
  username       varchar(64) not null,
  password_hash  varchar(100) not null,
  profile_json   text not null,
  phone_enc      text not null,
  consent_version varchar(32),
  status         varchar(16) not null default 'PENDING' check (status in ('PENDING', 'CONFIRMED', 'REJECTED')),
  submitted_at   timestamptz not null,
  submitted_ip   varchar(64),
  decided_at     timestamptz,
  decided_by     bigint references user_account (id),
  decision_note  varchar(200),
  check ((status = 'PENDING') = (decided_at is null))
);
-- One open claim per record: a second applicant waits for the first decision.
create unique index youth_claim_one_pending on youth_claim (youth_id) where status = 'PENDING';
create index youth_claim_region_idx on youth_claim (region_code, status, submitted_at);
