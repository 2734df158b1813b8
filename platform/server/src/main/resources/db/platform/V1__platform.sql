-- Platform-wide data: the tenant registry, accounts and the cross-academy centre registry.

create table tenant (
    code            text primary key check (code ~ '^[a-z][a-z0-9-]{1,30}$'),
    nom             text not null,
    schema_name     text not null unique check (schema_name ~ '^[a-z][a-z0-9_]{1,62}$'),
    contact_mail    text not null,
    message_accueil text not null default '',
    actif           boolean not null default true,
    demo            boolean not null default false,
    created_at      timestamptz not null default now()
);

-- One row per (UAI, académie) where the establishment is an exam centre: drives
-- "Accès autres académies" (ACAD-1) without reading another tenant's schema.
create table centre_examen_academie (
    uai         char(8) not null check (uai ~ '^[0-9]{7}[A-Z]$'),
    tenant_code text not null references tenant (code) on delete cascade,
    primary key (uai, tenant_code)
);

create table account (
    id            bigserial primary key,
    login         text not null unique,
    password_hash text not null,
    display_name  text not null,
    role          text not null check (role in ('NATIONAL_ADMIN', 'GESTIONNAIRE', 'CHEF_ETABLISSEMENT', 'ENSEIGNANT')),
    tenant_code   text references tenant (code) on delete cascade,
    numen         text,
    actif         boolean not null default true,
    created_at    timestamptz not null default now(),
    check ((role = 'NATIONAL_ADMIN') = (tenant_code is null))
);

-- A chef d'établissement may hold delegations for several UAIs and picks one after login.
create table account_delegation (
    account_id bigint not null references account (id) on delete cascade,
    uai        char(8) not null check (uai ~ '^[0-9]{7}[A-Z]$'),
    primary key (account_id, uai)
);
