-- Constat de service fait (CSF-3, CSF-4, EC-4).
-- Who recorded each constat: the exam centre, the academy office (CSF-3 "The academy office can
-- also record a CSF") or SANTORIN's services faits imported by the office (EC-4).
alter table service_fait add column origine text not null default 'CENTRE'
    check (origine in ('CENTRE', 'ACADEMIE', 'SANTORIN'));

-- The oral of the second group of the baccalauréat (général or technologique): its service fait
-- must give the number of candidates examined (CSF-3). The guide's type is "Oral 2nd groupe";
-- the types already known under such a name are flagged, others by the office's imports.
alter table type_mission add column second_groupe boolean not null default false;
update type_mission set second_groupe = true
where remuneration = 'ORAL' and libelle ~* '(2nd|2e|2ème|second) groupe';
