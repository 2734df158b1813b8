-- Entries copied from another system's log (Keycloak's refused logins) carry that log's event id,
-- so copying the same event twice, from any member, records it once.
alter table audit add column source_event_id text;
create unique index audit_source_event_idx on audit (source_event_id);
