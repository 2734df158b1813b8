-- The academy office's affectation (issue #15, GEST-2): proposals per mission and the automatic
-- affectation of a whole exam session by a constraint solver, reviewed before anything is written
-- to affectation.

-- Where an establishment is, for the distance from a person's workplace to a centre. Null when
-- unknown: the proposals then show no distance and rank the person as if far.
alter table etablissement add column latitude double precision;
alter table etablissement add column longitude double precision;
alter table etablissement add constraint etablissement_coordonnees check (
    (latitude is null) = (longitude is null)
    and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180)));

-- One solver run per exam session at a time, whichever member runs it; the page polls it.
create table affectation_calcul (
    id          bigserial primary key,
    session_id  bigint not null references session_examen (id) on delete cascade,
    etat        text not null check (etat in ('EN_COURS', 'TERMINE', 'ARRETE', 'ECHEC')),
    -- The cluster member whose solver runs it: where "Arrêter" is sent.
    membre      text not null,
    arret_demande boolean not null default false,
    avancement  int not null default 0 check (avancement between 0 and 100),
    etape       text not null default '',
    postes      int not null default 0,
    pourvus     int not null default 0,
    -- The solver's best score: hard constraints broken, places left empty, soft penalty.
    score_dur   bigint,
    score_moyen bigint,
    score_souple bigint,
    duree_ms    bigint,
    lance_par   text not null,
    lance_le    timestamptz not null default now(),
    maj_le      timestamptz not null default now(),
    fini_le     timestamptz
);
create unique index affectation_calcul_en_cours_idx on affectation_calcul (session_id) where etat = 'EN_COURS';
create index affectation_calcul_session_idx on affectation_calcul (session_id, id desc);

-- The proposal of a run, one row per place to fill; the office accepts all or part of it, which
-- designates the people (affectation, statut AFFECTEE) in one transaction.
create table affectation_proposition (
    calcul_id     bigint not null references affectation_calcul (id) on delete cascade,
    poste         int not null,
    mission_id    bigint not null references mission (id) on delete cascade,
    commission_id bigint references commission (id) on delete cascade,
    personnel_id  bigint references personnel (id) on delete cascade,
    distance_km   int,
    acceptee_le   timestamptz,
    primary key (calcul_id, poste)
);
create index affectation_proposition_mission_idx on affectation_proposition (mission_id);

-- A session's places count who already holds a commission's seat, and its candidates are read
-- by épreuve-option: both without a full scan.
create index affectation_commission_idx on affectation (commission_id) where commission_id is not null;
create index competence_auteur_epreuve_idx on competence_auteur (epreuve_option_id);

-- EC-6: convocations to a session's missions (the centres' and the office's) only once the office
-- has opened it; sessions known before this version stay open.
alter table session_examen add column convocation_ouverte boolean not null default true;
