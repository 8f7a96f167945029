-- Applying shares the applicant's phone with the base so it can arrange the interview; the applicant is told
-- so before submitting, and the time is recorded here. Applications made before the notice existed keep
-- null: their applicants were never told, so the base cannot see their full phone.
alter table application add column contact_shared_at timestamptz;
alter table application add constraint application_contact_shared_when_applied
  check (contact_shared_at is null or contact_shared_at <= updated_at);

-- Every new application carries the notice (older rows stay as they were, and may still change status).
create function application_requires_contact_notice() returns trigger language plpgsql as $$
begin
  if new.contact_shared_at is null then
    raise exception 'an application needs the applicant''s acknowledgement that the base sees their phone'
      using errcode = 'check_violation', constraint = 'application_contact_notice_required';
  end if;
  return new;
end
$$;
create trigger application_contact_notice_required before insert on application
  for each row execute function application_requires_contact_notice();
