-- A filing proposes the employer's data; the employer record changes only when a reviewer approves it
-- (an anonymous filing for a rejected or revoked employer must not rewrite it). JSON: name, regionCode,
-- industry, ownership, keyCategories.
alter table base add column proposal text;
