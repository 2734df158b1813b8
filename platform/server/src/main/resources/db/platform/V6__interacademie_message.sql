-- INDISPO-4: a convocation in académie B of a person whose home is académie A reaches A through
-- this durable queue. B writes a message in its own transaction (schema-qualified, same
-- database); a consumer on every member claims messages with "for update skip locked" and
-- applies them in A's own transaction, which also marks them: applied exactly once.
create table interacademie_message (
    id            bigserial primary key,
    origine       text not null,                 -- B, the convening académie
    destination   text not null references tenant (code) on delete cascade,  -- A, the home académie
    -- Idempotency key kept on A's rows: '<B>:<affectation id>'. Messages of one key apply in id order.
    cle           text not null,
    numen         text not null,
    -- The convocation's recap (shape: db/tenant/V5) and its time slots; null = the convocation is deleted.
    recap         jsonb check (recap is null or jsonb_typeof(recap) = 'object'),
    creneaux      jsonb not null default '[]' check (jsonb_typeof(creneaux) = 'array'),
    created_at    timestamptz not null default now(),
    -- EN_ATTENTE until applied (APPLIQUE) or found not applicable (SANS_OBJET: NUMEN unknown in A).
    etat          text not null default 'EN_ATTENTE' check (etat in ('EN_ATTENTE', 'APPLIQUE', 'SANS_OBJET')),
    tentatives    int not null default 0,
    prochain_essai timestamptz not null default now(),
    derniere_erreur text,
    traite_le     timestamptz,
    traite_par    text
);
create index interacademie_message_attente_idx on interacademie_message (destination, id) where etat = 'EN_ATTENTE';
create index interacademie_message_cle_idx on interacademie_message (cle, id) where etat = 'EN_ATTENTE';
