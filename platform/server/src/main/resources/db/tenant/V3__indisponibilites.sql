-- Saisie d'indisponibilité (SPEC INDISPO-3): when an establishment declares an unavailability
-- that overlaps a person's affectations, a mail goes to the manager of each exam concerned.
-- The manager's address per exam; null (existing exams, imports that do not carry it) means the
-- académie's exam division itself, i.e. the tenant's contact mail in the registry
-- (platform.tenant), which the application uses in its place.
alter table examen add column gestionnaire_mail text
    check (gestionnaire_mail is null or gestionnaire_mail ~ '^[^@[:space:]]+@[^@[:space:]]+$');

-- The overlap search of INDISPO-3 reads a person's affectations, then their créneaux: both are
-- already indexed (affectation_personnel_idx, the primary key of affectation_creneau).
