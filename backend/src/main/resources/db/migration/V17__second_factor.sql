-- A second factor (TOTP, RFC 6238) for built-in accounts; see docs/adr/0010-second-factor.md.

-- One row per account that has an authenticator app, or is binding one. Secrets are AES-GCM
-- ciphertext (PersonalDataCipher), never plain. A pending secret only becomes the active one when a
-- code computed from it is confirmed, so a half-finished enrolment never locks the owner out.
create table second_factor (
  user_id                 bigint primary key references user_account (id),
  secret_encrypted        text,
  enabled_at              timestamptz,
  -- The highest time step whose code was accepted: a code is accepted once, and never an older one.
  last_used_step          bigint,
  pending_secret_encrypted text,
  pending_since           timestamptz,
  constraint second_factor_active_complete check ((secret_encrypted is null) = (enabled_at is null)),
  constraint second_factor_pending_complete check ((pending_secret_encrypted is null) = (pending_since is null)),
  constraint second_factor_not_empty check (secret_encrypted is not null or pending_secret_encrypted is not null),
  constraint second_factor_step_after_enabled check (last_used_step is null or secret_encrypted is not null)
);

-- One-time recovery codes, stored as keyed hashes (HMAC-SHA256 under the data key): shown once.
create table recovery_code (
  id         bigserial primary key,
  user_id    bigint not null references user_account (id),
  code_hash  varchar(64) not null,
  created_at timestamptz not null,
  used_at    timestamptz,
  constraint recovery_code_unique unique (user_id, code_hash)
);
create index recovery_code_unused_idx on recovery_code (user_id) where used_at is null;

-- The short-lived, single-use ticket between a correct password and the second factor. Only the
-- SHA-256 of the ticket is stored, so a database reader cannot finish someone else's login.
create table login_challenge (
  token_hash varchar(64) primary key,
  user_id    bigint not null references user_account (id),
  purpose    varchar(16) not null check (purpose in ('VERIFY', 'ENROL')),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at    timestamptz,
  ip         varchar(64),
  constraint login_challenge_expires_after_creation check (expires_at > created_at),
  constraint login_challenge_used_in_time check (used_at is null or used_at <= expires_at)
);
create index login_challenge_user_idx on login_challenge (user_id, created_at desc);
