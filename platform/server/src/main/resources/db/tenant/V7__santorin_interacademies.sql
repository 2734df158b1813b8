-- CONV-11 / EC-6: the convened lists transmitted to Santorin. Each change to the convened list
-- of a transmitted mission appends a record in the same transaction (durable, ordered per
-- mission by sequence); ops/santorin-export writes the pending ones as files and only then
-- marks them delivered. No foreign key to mission: a deleted mission's last lists still leave.
create table santorin_envoi (
    id           bigserial primary key,
    mission_id   bigint not null,
    sequence     int not null check (sequence > 0),
    -- The convened list at that moment (mission, session, épreuve, centre, convened people).
    contenu      jsonb not null check (jsonb_typeof(contenu) = 'object'),
    created_at   timestamptz not null default now(),
    delivered_at timestamptz,
    fichier      text,
    unique (mission_id, sequence)
);
create index santorin_envoi_pending_idx on santorin_envoi (id) where delivered_at is null;

-- INDISPO-4: the unavailabilities another académie's convocation left here carry the key of
-- that convocation ('<académie>:<affectation id>'), so that applying the same message twice,
-- or a later modification or deletion, replaces exactly those rows.
alter table indisponibilite add column interacademie_cle text;
alter table indisponibilite add constraint indisponibilite_interacademie_autre_academie
    check (interacademie_cle is null or origine = 'AUTRE_ACADEMIE');
create index indisponibilite_interacademie_idx on indisponibilite (interacademie_cle) where interacademie_cle is not null;
