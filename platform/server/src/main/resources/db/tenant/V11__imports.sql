-- The academy office's file imports (GEST-1): one row per import run, read by every member
-- (the page polls it while the member that received the file runs the import).
create table import_fichier (
    id          bigserial primary key,
    nature      text not null check (nature in ('INSCRIPTIONS', 'PERSONNELS')),
    nom_fichier text not null,
    etat        text not null check (etat in ('EN_COURS', 'TERMINE', 'REFUSE', 'ECHEC')),
    -- Progress while EN_COURS: percentage and the step under way.
    avancement  int not null default 0 check (avancement between 0 and 100),
    etape       text not null default '',
    -- ImportReport as JSON once finished.
    rapport     jsonb,
    lance_par   text not null,
    lance_le    timestamptz not null default now(),
    maj_le      timestamptz not null default now(),
    fini_le     timestamptz
);
-- One import of each kind at a time in the académie, whichever member runs it.
create unique index import_fichier_en_cours_idx on import_fichier (nature) where etat = 'EN_COURS';
create index import_fichier_nature_idx on import_fichier (nature, id desc);
