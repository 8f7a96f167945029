-- 团市委 mobilises young people by campaign: each campaign has a share link /youth/register?campaign=CODE (an
-- unguessable slug) and counts the registrations that came in through it. Owned by the youth context, where
-- registration is.
create table mobilisation_campaign (
  id          bigserial primary key,
  code        varchar(32) not null unique check (code ~ '^[A-Za-z0-9_-]{16,32}$'),
  title       varchar(100) not null,
  description varchar(1000) not null default '',
  starts_on   date not null,
  ends_on     date not null,
  created_by  varchar(64) not null,
  created_at  timestamptz not null,
  constraint campaign_ends_after_start check (ends_on >= starts_on)
);
create index mobilisation_campaign_created_idx on mobilisation_campaign (created_at desc);

-- One sign-up per young person (the first campaign that brought them in), written only by a registration that
-- opened an account (new registration or proved roster claim) while the campaign ran.
create table campaign_signup (
  youth_id     bigint primary key references youth (id),
  campaign_id  bigint not null references mobilisation_campaign (id),
  signed_up_at timestamptz not null
);
create index campaign_signup_campaign_idx on campaign_signup (campaign_id);
