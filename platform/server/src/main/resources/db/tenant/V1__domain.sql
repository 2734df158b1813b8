-- One académie's data. Flyway runs this file in the tenant's own schema (search_path),
-- so nothing here names a schema.

-- Activities the academy office opens and closes (SH-3).
create table activite (
    code     text primary key,
    ouverte  boolean not null default true
);

create table etablissement (
    uai           char(8) primary key check (uai ~ '^[0-9]{7}[A-Z]$'),
    nom           text not null,
    categorie     text not null check (categorie in ('COLLEGE', 'LGT', 'LP', 'LPO', 'EREA', 'RECTORAT', 'AUTRE')),
    commune       text not null,
    adresse       text not null default '',
    code_postal   text not null default '',
    telephone     text not null default '',
    mail          text not null default '',
    centre_examen boolean not null default false,
    -- A COEC mission is generated per digitisation centre (memo EC/ECE).
    centre_numerisation boolean not null default false
);

create table personnel (
    id               bigserial primary key,
    numen            text not null unique,
    civilite         text not null check (civilite in ('M.', 'Mme')),
    nom              text not null,
    prenom           text not null,
    date_naissance   date not null,
    discipline_poste text not null,
    corps            text not null default '',
    adresse          text not null default '',
    code_postal      text not null default '',
    commune          text not null default '',
    tel_perso        text not null default '',
    tel_pro          text not null default '',
    mail_pro         text not null default '',
    mail_perso       text not null default '',
    -- Home académie of a person convened here from elsewhere (INDISPO-4); null when local.
    academie_origine text
);
create index personnel_nom_idx on personnel (lower(nom), lower(prenom));

-- Principal or secondary workplace (EPP / SIRHEN import).
create table lieu_exercice (
    personnel_id bigint not null references personnel (id) on delete cascade,
    uai          char(8) not null references etablissement (uai),
    principal    boolean not null,
    primary key (personnel_id, uai)
);
create unique index lieu_exercice_principal_idx on lieu_exercice (personnel_id) where principal;
create index lieu_exercice_uai_idx on lieu_exercice (uai);

-- Teachings imported from STS-WEB (read-only in the UI).
create table enseignement (
    id           bigserial primary key,
    personnel_id bigint not null references personnel (id) on delete cascade,
    uai          char(8) not null references etablissement (uai),
    matiere      text not null,
    modalite     text not null,
    mef          text not null,
    type_mef     text not null,
    structure    text not null
);
create index enseignement_personnel_idx on enseignement (personnel_id);

create table indisponibilite (
    id            bigserial primary key,
    personnel_id  bigint not null references personnel (id) on delete cascade,
    debut         timestamp not null,
    fin           timestamp not null,
    motif         text not null,
    -- ETABLISSEMENT rows are the only deletable ones, and only by the declaring UAI (INDISPO-2).
    origine       text not null check (origine in ('ETABLISSEMENT', 'EPP', 'SIRHEN', 'AUTRE_ACADEMIE', 'GESTIONNAIRE')),
    declarant_uai char(8),
    academie_convocation text,
    created_at    timestamptz not null default now(),
    check (fin > debut),
    check ((origine = 'ETABLISSEMENT') = (declarant_uai is not null))
);
create index indisponibilite_personnel_idx on indisponibilite (personnel_id, debut);

-- Exam reference data (Cyclades / OCEAN regulation import).
create table examen (
    code    text primary key,           -- e.g. 470
    sigle   text not null,              -- e.g. BCG
    libelle text not null,
    famille text not null check (famille in ('DNB', 'BAC_GENERAL', 'BAC_TECHNO', 'BAC_PRO', 'EA', 'BTS', 'CAP', 'CONCOURS', 'DCS', 'AUTRE'))
);

create table session_examen (
    id           bigserial primary key,
    examen_code  text not null references examen (code),
    annee        int not null check (annee between 2000 and 2100),
    libelle      text not null,
    unique (examen_code, annee)
);

create table specialite (
    id          bigserial primary key,
    examen_code text not null references examen (code),
    code        text not null,
    libelle     text not null,
    unique (examen_code, code)
);

create table epreuve_option (
    id            bigserial primary key,
    specialite_id bigint not null references specialite (id),
    code          text not null,         -- e.g. T012B
    libelle       text not null,
    -- The matching table between épreuves and teachings that yields SYS (C) compétences.
    matiere_enseignement text,
    unique (specialite_id, code)
);

-- Compétences: one row per (person, épreuve-option) and one per author's opinion (COMP-2/3).
create table competence_auteur (
    personnel_id      bigint not null references personnel (id) on delete cascade,
    epreuve_option_id bigint not null references epreuve_option (id),
    auteur            text not null,    -- SYS, a UAI, a NUMEN or a manager code
    type_auteur       text not null check (type_auteur in ('SYS', 'ETABLISSEMENT', 'AGENT', 'GESTIONNAIRE')),
    avis              char(1) not null check (avis in ('C', 'I')),
    updated_at        timestamptz not null default now(),
    primary key (personnel_id, epreuve_option_id, auteur)
);

-- VALID-1: once validated, the establishment's compétences are read-only until reopened.
create table validation_competences (
    uai         char(8) primary key references etablissement (uai),
    validee_le  timestamptz not null default now(),
    validee_par text not null
);

-- Mission types; plugins contribute exam-specific ones (COEC, INEC...).
create table type_mission (
    code              text primary key,
    libelle           text not null,
    remuneration      text not null check (remuneration in ('ECRIT', 'ORAL', 'PRATIQUE', 'AIDE_EXAMEN', 'JURY', 'AUCUNE')),
    plugin_id         text
);

create table mission (
    id                 bigserial primary key,
    numero             text not null unique,
    type_code          text not null references type_mission (code),
    session_id         bigint not null references session_examen (id),
    epreuve_option_id  bigint references epreuve_option (id),
    centre_uai         char(8) not null references etablissement (uai),
    date_debut         date not null,
    date_fin           date not null,
    candidats_attendus int not null default 0 check (candidats_attendus >= 0),
    ouvre_droit_remuneration boolean not null default true,
    -- CONV-1: targeted by the academy office for convocation by the establishment.
    convocation_etablissement boolean not null default false,
    signature          text not null default 'CENTRE' check (signature in ('CENTRE', 'ETABLISSEMENT')),
    observation        text not null default '',
    check (date_fin >= date_debut)
);
create index mission_centre_idx on mission (centre_uai, date_debut);
create index mission_session_idx on mission (session_id);

create table mission_jour (
    mission_id bigint not null references mission (id) on delete cascade,
    jour       date not null,
    primary key (mission_id, jour)
);

create table commission (
    id           bigserial primary key,
    mission_id   bigint not null references mission (id) on delete cascade,
    code         text not null,
    salle        text not null default '',
    nb_candidats int not null default 0,
    unique (mission_id, code)
);

create table commission_jour (
    commission_id bigint not null references commission (id) on delete cascade,
    jour          date not null,
    primary key (commission_id, jour)
);

create table jury (
    id         bigserial primary key,
    mission_id bigint not null references mission (id) on delete cascade,
    code       text not null,
    unique (mission_id, code)
);

-- An affectation is one person designated on a mission; convened, it is a convocation.
create table affectation (
    id             bigserial primary key,
    mission_id     bigint not null references mission (id) on delete cascade,
    personnel_id   bigint not null references personnel (id),
    qualite        text not null default '',
    commission_id  bigint references commission (id),
    jury_id        bigint references jury (id),
    salle          text not null default '',
    observation    text not null default '',
    statut         text not null check (statut in ('AFFECTEE', 'CONVOQUEE', 'CONVOQUEE_PAR_CENTRE')),
    auteur         text not null check (auteur in ('ACADEMIE', 'CENTRE')),
    convoquee_le   timestamptz,
    created_at     timestamptz not null default now(),
    unique (mission_id, personnel_id)
);
create index affectation_personnel_idx on affectation (personnel_id);

-- Dates and times of one affectation (CONV-6).
create table affectation_creneau (
    affectation_id bigint not null references affectation (id) on delete cascade,
    jour           date not null,
    heure_debut    time not null,
    heure_fin      time not null,
    primary key (affectation_id, jour),
    check (heure_fin > heure_debut)
);

-- Constat de service fait (CSF-3/4).
create table service_fait (
    affectation_id     bigint primary key references affectation (id) on delete cascade,
    fait               boolean not null,
    motif_non_fait     text,
    candidats_inscrits int check (candidats_inscrits between 0 and 9999),
    nb_copies          int check (nb_copies between 0 and 999),
    candidats_examines int check (candidats_examines between 0 and 9999),
    heures             numeric(6, 2),
    saisi_par          text not null,
    saisi_le           timestamptz not null default now(),
    traite_gestionnaire boolean not null default false
);

create table service_fait_horaire (
    affectation_id bigint not null references service_fait (affectation_id) on delete cascade,
    jour           date not null,
    matin_debut    time,
    matin_fin      time,
    apres_midi_debut time,
    apres_midi_fin   time,
    primary key (affectation_id, jour)
);

-- Signature blocks per establishment (SIG-1).
create table signature (
    uai       char(8) not null references etablissement (uai),
    role      text not null check (role in ('CENTRE', 'ETABLISSEMENT')),
    autorite  text not null default '',
    intitule  text not null default '',
    nom       text not null default '',
    ville     text not null default '',
    primary key (uai, role)
);

-- Indemnités des chefs de centre (ICC-1…5). Rates are per scheme, year and bracket.
create table icc_taux (
    scheme       text not null,
    annee        int not null,
    tranche_code text not null,
    taux_journalier numeric(10, 2) not null check (taux_journalier >= 0),
    primary key (scheme, annee, tranche_code)
);

create table icc_saisie (
    id           bigserial primary key,
    uai          char(8) not null references etablissement (uai),
    session_id   bigint not null references session_examen (id),
    periode      text not null check (periode in ('NORMALE', 'REMPLACEMENT')),
    premier_jour date,
    statut       text not null default 'SAISIE' check (statut in ('SAISIE', 'TRANSMIS')),
    suivi        text check (suivi in ('INITIALISE', 'VALIDE', 'REJETE', 'ACCEPTE')),
    montant_global numeric(10, 2) not null default 0,
    updated_at   timestamptz not null default now(),
    unique (uai, session_id, periode)
);

create table icc_jours (
    saisie_id    bigint not null references icc_saisie (id) on delete cascade,
    tranche_code text not null,
    jours        numeric(5, 1) not null check (jours >= 0),
    primary key (saisie_id, tranche_code)
);

create table icc_repartition (
    saisie_id    bigint not null references icc_saisie (id) on delete cascade,
    personnel_id bigint not null references personnel (id),
    pourcentage  numeric(5, 2),
    montant      numeric(10, 2) not null check (montant > 0),
    primary key (saisie_id, personnel_id)
);

-- Durable mail outbox: writers enqueue in their transaction, a sender delivers later.
create table mail_outbox (
    id           bigserial primary key,
    destinataire text not null,
    copie        text,
    sujet        text not null,
    corps        text not null,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz,
    attempts     int not null default 0,
    last_error   text
);

create table audit (
    id         bigserial primary key,
    at         timestamptz not null default now(),
    actor      text not null,
    action     text not null,
    detail     text not null default ''
);
