-- The audit log as a level-3 (等保2.0) system keeps it: append-only for the application, kept at least
-- 180 days, and hash-chained so that a row changed or removed behind the application's back is found.
-- See docs/adr/0012-audit-chain-and-pipl.md.

-- seq is the row's place in the chain (1, 2, 3, … without gaps); hash covers the row's fields and prev_hash.
alter table audit_event
  add column seq       bigint,
  add column prev_hash char(64),
  add column hash      char(64);

-- One row: the chain's head (last appended row) and its anchor (last purged row, or the genesis).
-- Appends lock this row, so concurrent writers take turns and the chain never forks.
create table audit_chain (
  id            smallint primary key default 1 check (id = 1),
  head_seq      bigint not null check (head_seq >= 0),
  head_hash     char(64) not null,
  anchor_seq    bigint not null check (anchor_seq >= 0),
  anchor_hash   char(64) not null,
  anchor_at     timestamptz,
  purged_at     timestamptz,
  -- The legal floor (等保2.0 三级: logs kept at least six months); the application may keep longer.
  min_retention interval not null default interval '180 days' check (min_retention >= interval '180 days'),
  check (anchor_seq <= head_seq)
);

-- The canonical serialisation: each field as "<UTF-8 byte length>:<text>|" or "-|" for null, timestamps
-- in UTC with microseconds. AuditDigest (Java) computes the same independently for verification.
create function audit_field(v text) returns text language sql immutable parallel safe as
$$ select case when v is null then '-' else octet_length(v)::text || ':' || v end || '|' $$;

create function audit_event_digest(p_seq bigint, p_id bigint, p_at timestamptz, p_actor_user_id bigint,
                                   p_actor_username text, p_actor_role text, p_action text, p_target_type text,
                                   p_target_id text, p_detail text, p_ip text, p_prev_hash text)
  returns char(64) language sql stable parallel safe as
$$
  select encode(sha256(convert_to('jianxi-audit-v1|'
      || audit_field(p_seq::text) || audit_field(p_id::text)
      || audit_field(to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
      || audit_field(p_actor_user_id::text) || audit_field(p_actor_username) || audit_field(p_actor_role)
      || audit_field(p_action) || audit_field(p_target_type) || audit_field(p_target_id)
      || audit_field(p_detail) || audit_field(p_ip) || audit_field(p_prev_hash), 'UTF8')), 'hex')
$$;

-- Rows written before this migration join the chain in the order they were written.
do $$
declare
  r    record;
  n    bigint := 0;
  prev char(64) := repeat('0', 64);
  h    char(64);
begin
  for r in select * from audit_event order by id loop
    n := n + 1;
    h := audit_event_digest(n, r.id, r.at, r.actor_user_id, r.actor_username, r.actor_role, r.action,
                            r.target_type, r.target_id, r.detail, r.ip, prev);
    update audit_event set seq = n, prev_hash = prev, hash = h where id = r.id;
    prev := h;
  end loop;
  insert into audit_chain (head_seq, head_hash, anchor_seq, anchor_hash) values (n, prev, 0, repeat('0', 64));
end $$;

alter table audit_event
  alter column seq set not null,
  alter column prev_hash set not null,
  alter column hash set not null,
  add constraint audit_event_seq_uq unique (seq),
  -- Two rows after the same predecessor would be a fork.
  add constraint audit_event_prev_hash_uq unique (prev_hash);

-- Every insert, whoever makes it (Hibernate, the importers' JDBC, a DBA), is chained here. SECURITY
-- DEFINER: the application role needs no UPDATE on audit_chain.
create function audit_event_chain() returns trigger language plpgsql security definer
  set search_path = public, pg_temp as
$$
declare
  head audit_chain%rowtype;
begin
  select * into head from audit_chain where id = 1 for update;
  new.seq := head.head_seq + 1;
  new.prev_hash := head.head_hash;
  new.hash := audit_event_digest(new.seq, new.id, new.at, new.actor_user_id, new.actor_username, new.actor_role,
                                 new.action, new.target_type, new.target_id, new.detail, new.ip, new.prev_hash);
  update audit_chain set head_seq = new.seq, head_hash = new.hash where id = 1;
  return new;
end
$$;
create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain();

-- No row is ever changed; a row leaves only when the purge has moved the anchor past it and it is older
-- than the minimum retention by the database's own clock (the application's clock is not trusted here).
create function audit_event_append_only() returns trigger language plpgsql as
$$
begin
  if tg_op = 'DELETE' then
    if old.seq <= (select anchor_seq from audit_chain where id = 1)
       and old.at < now() - (select min_retention from audit_chain where id = 1) then
      return old;
    end if;
    raise exception 'audit_event row % is within the retention period and cannot be deleted', old.seq
      using errcode = 'insufficient_privilege';
  end if;
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();

-- The head only advances one row at a time; the anchor only advances, and only onto a row that exists
-- with that hash and is old enough to purge. The row itself stays.
create function audit_chain_guard() returns trigger language plpgsql as
$$
begin
  if tg_op <> 'UPDATE' then
    raise exception 'audit_chain: % refused', tg_op using errcode = 'insufficient_privilege';
  end if;
  if new.id <> old.id or new.head_seq < old.head_seq or new.head_seq > old.head_seq + 1
     or new.anchor_seq < old.anchor_seq then
    raise exception 'audit_chain may only advance' using errcode = 'insufficient_privilege';
  end if;
  if (new.anchor_seq, new.anchor_hash) is distinct from (old.anchor_seq, old.anchor_hash)
     and not exists (select 1 from audit_event e where e.seq = new.anchor_seq and e.hash = new.anchor_hash
                     and e.at < now() - new.min_retention) then
    raise exception 'audit_chain anchor must be a purgeable row' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger audit_chain_guard before update or delete on audit_chain
  for each row execute function audit_chain_guard();
create trigger audit_chain_no_truncate before truncate on audit_chain
  for each statement execute function audit_chain_guard();

-- The retention purge: removes the longest run of rows after the anchor that are all older than the
-- cut-off (a late row with an early time never lets newer rows go), at most max_rows at a time, and keeps
-- the last removed row's hash as the new anchor, so the rest still verifies. Refuses a cut-off younger
-- than the minimum retention.
create function audit_purge(cutoff timestamptz, max_rows int default 10000) returns bigint
  language plpgsql security definer set search_path = public, pg_temp as
$$
declare
  chain   audit_chain%rowtype;
  through bigint;
  last    audit_event%rowtype;
  removed bigint;
begin
  if cutoff is null or max_rows is null or max_rows < 1 then
    raise exception 'audit_purge needs a cut-off and a positive batch size' using errcode = 'invalid_parameter_value';
  end if;
  select * into chain from audit_chain where id = 1 for update;
  if cutoff > now() - chain.min_retention then
    raise exception 'cut-off % would purge rows younger than the minimum retention of %', cutoff, chain.min_retention
      using errcode = 'invalid_parameter_value';
  end if;
  select coalesce(min(seq) - 1, chain.head_seq) into through
    from audit_event where seq > chain.anchor_seq and at >= cutoff;
  through := least(through, chain.anchor_seq + max_rows);
  if through <= chain.anchor_seq then
    return 0;
  end if;
  select * into last from audit_event where seq = through;
  if not found then
    raise exception 'audit chain row % is missing; verify the log before purging', through
      using errcode = 'data_corrupted';
  end if;
  update audit_chain set anchor_seq = last.seq, anchor_hash = last.hash, anchor_at = last.at, purged_at = now()
   where id = 1;
  delete from audit_event where seq > chain.anchor_seq and seq <= through;
  get diagnostics removed = row_count;
  return removed;
end
$$;

-- Where a DBA runs the application under its own role (docs/adr/0012), that role only appends and reads.
-- Revoking from every role but the owner keeps this right whatever the role is called.
do $$
declare
  r record;
begin
  for r in select distinct grantee from information_schema.role_table_grants
           where table_schema = current_schema() and table_name in ('audit_event', 'audit_chain')
             and grantee not in (current_user, 'PUBLIC')
             and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE') loop
    execute format('revoke update, delete, truncate on audit_event, audit_chain from %I', r.grantee);
  end loop;
end $$;

create index audit_event_target_idx on audit_event (target_type, target_id);
