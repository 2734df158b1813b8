-- Convocation par mission (guide §4.2, SPEC CONV-3…CONV-8).

-- CONV-4: the qualités the academy office keeps for mission types that take the office's list.
create table qualite (
    libelle text primary key check (libelle <> '' and length(libelle) <= 60),
    rang    int not null default 0
);
insert into qualite (libelle, rang) values
    ('Correcteur', 10), ('Correcteur suppléant', 20), ('Examinateur', 30), ('Interrogateur', 40),
    ('Président de jury', 50), ('Vice-président', 60), ('Membre de jury', 70), ('Surveillant', 80),
    ('Coordonnateur', 90), ('Conseiller d''enseignement technologique', 100), ('Professionnel', 110);

-- CONV-7 / CONV-8: what a centre chose to keep on the mission for its next convocations ("Saisie
-- sur la mission", Oui): the dates with their times and the observation. The office may also set
-- the default observation. Nothing saved = the mission's own dates, no observation.
alter table mission add column observation_convocation text not null default '';
create table mission_creneau_convocation (
    mission_id  bigint not null references mission (id) on delete cascade,
    jour        date not null,
    heure_debut time not null,
    heure_fin   time not null,
    primary key (mission_id, jour),
    check (heure_fin > heure_debut)
);

-- The conflicts the form warns about read a person's créneaux by day.
create index affectation_creneau_jour_idx on affectation_creneau (jour);
