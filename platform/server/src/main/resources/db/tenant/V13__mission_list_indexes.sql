-- The office's missions list (GEST-1) on a large académie: its first page is read in the order of
-- the missions' numbers (ColumnType.NUMERO's sort expression, then the id) instead of sorting every
-- mission of the chosen years, and its total is counted from the session index alone, which covers
-- the columns of the joins the count drops (MissionsOfficeList).
create index mission_numero_order_idx on mission (lpad(numero, 20, '0'), id);
drop index mission_session_idx;
create index mission_session_idx on mission (session_id) include (type_code, centre_uai, epreuve_option_id);
