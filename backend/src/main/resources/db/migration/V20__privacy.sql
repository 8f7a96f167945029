-- Young people's personal information under the PIPL (个人信息保护法): separate consent to processing
-- sensitive personal information (art. 29) recorded with the version of the text shown, and requests to
-- delete personal information (art. 47) that the district completes. See docs/adr/0012.

-- A text is never edited: a new wording is a new version, effective from its date.
create table consent_text (
  version        varchar(32) primary key,
  kind           varchar(32) not null check (kind in ('SENSITIVE_PERSONAL_INFO')),
  title          varchar(100) not null,
  body           text not null,
  effective_from timestamptz not null,
  unique (kind, effective_from),
  unique (version, kind)
);

insert into consent_text (version, kind, title, body, effective_from) values (
  'SPI-2023.1', 'SENSITIVE_PERSONAL_INFO', '敏感个人信息处理单独同意书',
$$为办理就业见习实名登记、岗位匹配、见习补贴审核发放和统计报送，重庆市人力资源和社会保障局及各区县人力资源和社会保障局（以下简称“我们”）需要处理您的敏感个人信息。根据《中华人民共和国个人信息保护法》第二十九条，处理敏感个人信息应当取得您的单独同意。请您仔细阅读以下内容。

一、处理的敏感个人信息及目的
1. 身份证号码：用于实名登记和身份核验，判断您是否属于就业见习补贴对象（年龄、离校时间），防止重复登记和重复领取补贴。
2. 困难毕业生类别（如脱贫家庭、低保家庭、残疾等）：由区县人社部门根据有关部门共享的信息或您本人的申请登记，仅用于为您提供优先帮扶服务。

二、处理的必要性及对您个人权益的影响
没有身份证号码，我们无法核验您的见习补贴对象资格，也无法为您办理见习和补贴。上述信息一旦泄露或者被非法使用，可能导致您的人格尊严受到侵害或者人身、财产安全受到危害。我们对身份证号码和手机号加密存储，工作人员默认只能看到脱敏后的信息；查看完整信息的每一次操作都记入审计日志。

三、使用范围
见习基地只能看到向其岗位投递申请的人员的脱敏信息；为核验毕业状态，我们会与市教委共享的毕业生名单比对；见习补贴的审核、拨付、审计和财政检查会使用上述信息。我们不会将您的敏感个人信息用于上述目的以外的用途。

四、保存期限
登记信息在您使用本平台期间保存。您申请删除个人信息并经所在区县人社局办理后，手机号、学校和专业、求职意向、困难类别、消息、尚未举办活动的报名等将被删除，账户将被停用；为满足见习补贴资金审计要求，姓名、身份证号码、见习记录和补贴发放记录将按照《会计档案管理办法》等规定的期限（补贴发放凭证为 30 年）保存，期满后删除。

五、您的权利
您可以在“我的 — 隐私与个人信息”中查看同意记录、下载本人数据、申请删除个人信息（即撤回本同意）。撤回同意后我们将无法继续为您办理就业见习业务，但不影响撤回前基于您的同意已进行的处理活动的效力。如有疑问，请联系所在区县人力资源和社会保障局。

点击“同意”，即表示您已阅读本同意书，并单独同意我们按上述方式处理您的敏感个人信息。$$,
  '2023-01-01T00:00:00+08:00');

-- What a young person agreed to, with the exact text version and the address they agreed from.
create table consent_record (
  id           bigserial primary key,
  youth_id     bigint not null references youth (id),
  user_id      bigint not null references user_account (id),
  kind         varchar(32) not null,
  text_version varchar(32) not null,
  accepted_at  timestamptz not null,
  ip           varchar(64),
  foreign key (text_version, kind) references consent_text (version, kind),
  unique (youth_id, kind, text_version)
);
create index consent_record_youth_idx on consent_record (youth_id, accepted_at desc);

create table deletion_request (
  id                  bigserial primary key,
  youth_id            bigint not null references youth (id),
  user_id             bigint not null references user_account (id),
  -- The district of residence when asked: whose staff complete it.
  region_code         varchar(16) references region (code),
  reason              varchar(500),
  status              varchar(16) not null default 'PENDING' check (status in ('PENDING', 'COMPLETED', 'REJECTED')),
  requested_at        timestamptz not null,
  requested_ip        varchar(64),
  decided_at          timestamptz,
  decided_by          bigint references user_account (id),
  decided_by_username varchar(64),
  reject_reason       varchar(500),
  -- What the completion erased, context by context, for the record.
  erased              text,
  check ((status = 'PENDING') = (decided_at is null)),
  check (status <> 'REJECTED' or reject_reason is not null),
  check (status <> 'COMPLETED' or erased is not null)
);
-- One open request per young person.
create unique index deletion_request_one_pending on deletion_request (youth_id) where status = 'PENDING';
create index deletion_request_region_idx on deletion_request (region_code, status, requested_at);
