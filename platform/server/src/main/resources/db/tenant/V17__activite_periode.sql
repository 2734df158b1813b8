-- The academy office opens an activity for a period (issue #15): open, it is reachable only from
-- ouverte_du to ouverte_au (either may be empty: no bound), in the académie's time zone.
alter table activite add column ouverte_du date;
alter table activite add column ouverte_au date;
alter table activite add constraint activite_periode check (ouverte_du is null or ouverte_au is null or ouverte_du <= ouverte_au);
