-- An internship past its planned end with no end record is on the to-be-closed list; its base is
-- reminded once (the column says when), whichever instance runs the reminder.
alter table internship add column close_reminded_at timestamptz;
create index internship_to_be_closed_idx on internship (planned_end) where state = 'ON_POST' and close_reminded_at is null;
