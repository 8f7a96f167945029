-- The young person reads the signed agreement on the phone and confirms it (见习人员确认协议).
alter table internship add column youth_agreement_confirmed_at timestamptz;
alter table internship add constraint youth_confirms_a_signed_agreement
  check (youth_agreement_confirmed_at is null or agreement_signed_at is not null);
