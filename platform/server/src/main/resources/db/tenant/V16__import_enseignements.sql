-- The academy office's teachings import (GEST-1, STS-WEB-like): a fourth kind of import run. It
-- replaces the teachings of the people it lists and recomputes their SYS compétences (COMP-2),
-- which read enseignement by person (enseignement_personnel_idx) and competence_auteur by person
-- (its primary key): no index to add.
alter table import_fichier drop constraint import_fichier_nature_check;
alter table import_fichier add constraint import_fichier_nature_check
    check (nature in ('INSCRIPTIONS', 'PERSONNELS', 'REGLEMENTATION', 'ENSEIGNEMENTS'));
