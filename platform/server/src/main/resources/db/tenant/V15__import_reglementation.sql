-- The academy office's exam regulation import (GEST-1, OCEAN / Cyclades-like): a third kind of
-- import run.
alter table import_fichier drop constraint import_fichier_nature_check;
alter table import_fichier add constraint import_fichier_nature_check
    check (nature in ('INSCRIPTIONS', 'PERSONNELS', 'REGLEMENTATION'));

-- The épreuve-option's nature as the regulation gives it: written, oral or practical, i.e. the
-- remuneration kind of the missions on it (the values of type_mission.remuneration that apply to
-- an épreuve; the constat de service fait still follows the mission type's). Null for the
-- épreuves created before, or by a registration import, until the regulation is imported.
alter table epreuve_option add column nature text check (nature in ('ECRIT', 'ORAL', 'PRATIQUE'));
