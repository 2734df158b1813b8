-- Accessibility settings of the shell (SH-1), remembered per account across sessions.
create table display_preferences (
    login         text primary key references account (login) on delete cascade,
    contraste     text not null default 'standard' check (contraste in ('standard', 'renforce', 'sombre')),
    taille_police text not null default '100' check (taille_police in ('100', '125', '150')),
    interligne    text not null default 'normal' check (interligne in ('normal', 'augmente', 'double')),
    justification text not null default 'gauche' check (justification in ('gauche', 'justifie')),
    updated_at    timestamptz not null default now()
);
