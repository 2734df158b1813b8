-- États de frais (GEST-3, CSF-4, ICC-4): what the academy office validates, rejects and pays.
-- One row per intervenant's remuneration on a mission (born of the constat de service fait) and
-- one per line of a transmitted ICC distribution. The row's statut is the single truth the
-- locks ("Traité par gestionnaire", convocation no longer modifiable) and the ICC "suivi de
-- traitement" are read from.
create table frais (
    id             bigserial primary key,
    nature         text not null check (nature in ('REMUNERATION', 'ICC')),
    session_id     bigint not null references session_examen (id),
    personnel_id   bigint not null references personnel (id),
    -- REMUNERATION: the affectation whose service fait was recorded.
    affectation_id bigint unique references affectation (id) on delete cascade,
    -- ICC: the transmitted saisie the line belongs to.
    icc_saisie_id  bigint references icc_saisie (id) on delete cascade,
    -- What the service fait says, in the unit the payment systems apply their rates to.
    unite          text check (unite in ('COPIES', 'CANDIDATS', 'HEURES')),
    quantite       numeric(8, 2) check (quantite >= 0),
    -- Known for ICC lines; remuneration amounts are computed by the payment systems.
    montant        numeric(10, 2) check (montant >= 0),
    statut         text not null default 'A_TRAITER'
                   check (statut in ('A_TRAITER', 'VALIDE', 'REJETE', 'PAYE', 'ANNULE')),
    motif          text,
    traite_par     text,
    traite_le      timestamptz,
    created_at     timestamptz not null default now(),
    check ((nature = 'REMUNERATION') = (affectation_id is not null)),
    check ((nature = 'ICC') = (icc_saisie_id is not null)),
    check (statut <> 'REJETE' or coalesce(motif, '') <> ''),
    unique (icc_saisie_id, personnel_id)
);
create index frais_session_idx on frais (session_id, statut);
create index frais_personnel_idx on frais (personnel_id);

-- Services faits recorded before this migration keep their state: processed ones become
-- validated expenses, non faits cancelled ones.
insert into frais (nature, session_id, personnel_id, affectation_id, unite, quantite, statut, motif, traite_par, traite_le)
select 'REMUNERATION', m.session_id, a.personnel_id, a.id,
       case when sf.nb_copies is not null then 'COPIES'
            when sf.candidats_examines is not null then 'CANDIDATS'
            when sf.heures is not null then 'HEURES' end,
       coalesce(sf.nb_copies, sf.candidats_examines, sf.heures),
       case when not sf.fait then 'ANNULE' when sf.traite_gestionnaire then 'VALIDE' else 'A_TRAITER' end,
       case when not sf.fait then 'Service non fait' end,
       case when sf.traite_gestionnaire then sf.saisi_par end,
       case when sf.traite_gestionnaire then sf.saisi_le end
from service_fait sf
join affectation a on a.id = sf.affectation_id
join mission m on m.id = a.mission_id;

alter table service_fait drop column traite_gestionnaire;

-- The ICC "suivi de traitement" is read from its lines' expenses; who prefilled it is kept.
alter table icc_saisie drop column suivi;
alter table icc_saisie add column prerempli_par text;
alter table icc_saisie add column transmis_le timestamptz;
