-- Mail delivery (issue 13): every mail of the académie goes through mail_outbox, written in the
-- transaction of the action that sends it, and a delivery worker on each member sends it over
-- SMTP. state: EN_ATTENTE (queued or waiting for its next attempt), ENVOYE (sent_at is set),
-- EN_ECHEC (max attempts reached: kept with its last error, no longer retried automatically).
alter table mail_outbox
    add column state           text not null default 'EN_ATTENTE',
    add column next_attempt_at timestamptz not null default now(),
    add column last_attempt_at timestamptz;
update mail_outbox set state = 'ENVOYE' where sent_at is not null;
alter table mail_outbox add constraint mail_outbox_state
    check (state in ('EN_ATTENTE', 'ENVOYE', 'EN_ECHEC') and (state = 'ENVOYE') = (sent_at is not null));

-- The worker's scan: due queued mails, oldest first.
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where state = 'EN_ATTENTE';
-- The office's page: newest first.
create index mail_outbox_created on mail_outbox (created_at desc, id desc);

create table mail_piece_jointe (
    id           bigserial primary key,
    mail_id      bigint not null references mail_outbox (id) on delete cascade,
    rang         int not null,
    nom          text not null,
    type_contenu text not null,
    contenu      bytea not null,
    unique (mail_id, rang)
);
