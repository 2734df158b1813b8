-- Which plugins each académie uses. The national admin enables them; every member reads this
-- table when any member announces a change (PluginHost). A plugin missing from the table, or
-- with enabled = false, contributes nothing to the académie.
create table tenant_plugin (
    tenant_code text not null references tenant (code) on delete cascade,
    plugin_id   text not null check (plugin_id ~ '^[a-z][a-z0-9-]{1,63}$'),
    enabled     boolean not null,
    changed_by  text not null,
    changed_at  timestamptz not null default now(),
    primary key (tenant_code, plugin_id)
);
