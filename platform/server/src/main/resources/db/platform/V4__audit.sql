-- Who did what: logins, tenant and activity changes, and the activities' writes.
-- National admins read every row; an académie's gestionnaires read their tenant's rows.
create table audit (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    tenant_code text,
    actor       text not null,
    action      text not null,
    detail      text not null default '',
    address     text
);
create index audit_tenant_idx on audit (tenant_code, at desc);
