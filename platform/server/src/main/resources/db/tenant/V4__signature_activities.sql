-- Guide §4.4: "Signature centre pour la convocation" and "Signature établissement pour la
-- convocation" are two activities of the menu, each opened or closed by the academy office.
-- They take over the state of the former single "signatures" activity.
insert into activite (code, ouverte)
select v.code, a.ouverte from activite a, (values ('signature-centre'), ('signature-etablissement')) as v(code)
where a.code = 'signatures'
on conflict (code) do nothing;
delete from activite where code = 'signatures';
