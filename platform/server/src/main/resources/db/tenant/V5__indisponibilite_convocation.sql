-- PERS-4 / INDISPO-4: an unavailability written because another académie convened the person
-- keeps the recap of that convocation (the convening académie's words), which the person's
-- "Indisponibilités" tab shows: {academie, numero, mission, session, epreuve, centre, qualite,
-- creneaux: [{jour: "AAAA-MM-JJ", debut: "HH:MM", fin: "HH:MM"}]}.
alter table indisponibilite add column convocation jsonb;
alter table indisponibilite add constraint indisponibilite_convocation_autre_academie
    check (convocation is null or (origine = 'AUTRE_ACADEMIE' and jsonb_typeof(convocation) = 'object'));
