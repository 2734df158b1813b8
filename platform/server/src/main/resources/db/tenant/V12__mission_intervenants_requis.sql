-- How many intervenants a mission needs, as the academy office sets it: what "Avancement de
-- l'affectation" (AVANC-1) measures the designated, convened and constatés against. Null: not set.
alter table mission add column intervenants_requis int check (intervenants_requis between 0 and 9999);
