-- The data of ops/bench/convocations: a correction mission of the Toulouse demo centre 0310038Y
-- (LPO Pierre-Paul Riquet) open to establishment convocation, with :n convocations the centre
-- authored, each on a distinct person, one or two créneaux each. Run once on a fresh demo
-- database: psql -v n=500 -f ops/bench/convocations.sql. One transaction; prints the mission id.
\set ON_ERROR_STOP on
set search_path = t_toulouse;
begin;

-- People: the demo's own first, topped up with generated ones (working in the centre) if fewer than :n.
insert into personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, corps, adresse, code_postal,
                       commune, mail_pro)
select 'BANC' || lpad(g::text, 9, '0'), case when g % 2 = 0 then 'Mme' else 'M.' end, 'Banc-' || g,
       case when g % 2 = 0 then 'Élodie' else 'Grégoire' end, date '1975-01-01' + (g % 7000)::int, 'MATHEMATIQUES', 'CERTIFIE',
       g || ' allée des Essais', '31000', 'TOULOUSE', 'banc.' || g || '@ac-toulouse.fr'
from generate_series(1, greatest(0, :n - (select count(*) from personnel))) g;
insert into lieu_exercice (personnel_id, uai, principal)
select id, '0310038Y', true from personnel p
where numen like 'BANC%' and not exists (select 1 from lieu_exercice le where le.personnel_id = p.id);

-- The mission: the newest session's first épreuve, in a month, over two days.
insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin,
                     candidats_attendus, convocation_etablissement, signature, observation)
select '990500', 'CORR', s.id, eo.id, '0310038Y', current_date + 30, current_date + 31, :n * 30, true, 'CENTRE',
       'Banc d''essai : se présenter à l''accueil avec cette convocation.'
from session_examen s
join specialite sp on sp.examen_code = s.examen_code
join epreuve_option eo on eo.specialite_id = sp.id
order by s.annee desc, s.id, eo.id
limit 1;
insert into mission_jour (mission_id, jour)
select m.id, d::date from mission m, generate_series(m.date_debut, m.date_fin, interval '1 day') d
where m.numero = '990500';

-- The centre's convocations, on :n distinct people.
insert into affectation (mission_id, personnel_id, qualite, salle, statut, auteur, convoquee_le)
select m.id, p.id, 'Correcteur', 'Salle ' || (100 + p.id % 20), 'CONVOQUEE_PAR_CENTRE', 'CENTRE', now()
from mission m, (select id from personnel order by id limit :n) p
where m.numero = '990500';
-- Every one on the first morning; one in two also on the second afternoon.
insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin)
select a.id, m.date_debut, time '08:00', time '12:00'
from affectation a join mission m on m.id = a.mission_id where m.numero = '990500';
insert into affectation_creneau (affectation_id, jour, heure_debut, heure_fin)
select a.id, m.date_fin, time '13:30', time '17:30'
from affectation a join mission m on m.id = a.mission_id where m.numero = '990500' and a.id % 2 = 0;

commit;
select id from mission where numero = '990500';
