package fr.education.imagin.santorin;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.NoSuchElementException;

/**
 * CONV-11 / EC-6: the convened lists of missions transmitted to Santorin. Whoever changes the
 * convened list of such a mission (the caller checks {@code MissionType.transmittedToSantorin()})
 * calls {@link #append} in the same transaction: the record is durable exactly when the change
 * is, and holds the list as it is at that moment. {@link SantorinExporter} (ops/santorin-export)
 * writes the pending records as files later.
 */
public final class SantorinOutbox {

    // Serialises appends per mission so that sequence order is commit order. "No key update"
    // still lets affectations reference the mission meanwhile (their key-share locks do not conflict).
    private static final String LOCK = "select id from mission where id = $1 for no key update";

    private static final String APPEND = """
            insert into santorin_envoi (mission_id, sequence, contenu)
            select m.id,
                   coalesce((select max(e.sequence) from santorin_envoi e where e.mission_id = m.id), 0) + 1,
                   jsonb_build_object(
                       'mission', jsonb_build_object('id', m.id, 'numero', m.numero, 'type', t.code, 'type_libelle', t.libelle,
                                                     'date_debut', m.date_debut, 'date_fin', m.date_fin),
                       'session', jsonb_build_object('examen', x.code, 'sigle', x.sigle, 'annee', s.annee, 'libelle', s.libelle),
                       'epreuve', case when eo.id is null then null
                                       else jsonb_build_object('code', eo.code, 'libelle', eo.libelle) end,
                       'centre', jsonb_build_object('uai', c.uai, 'nom', c.nom, 'commune', c.commune),
                       'convoques', coalesce((
                           select jsonb_agg(jsonb_build_object(
                                      'affectation', a.id, 'numen', p.numen, 'civilite', p.civilite, 'nom', p.nom,
                                      'prenom', p.prenom, 'mail_pro', p.mail_pro, 'qualite', a.qualite,
                                      'commission', co.code, 'jury', j.code,
                                      'creneaux', coalesce((
                                          select jsonb_agg(jsonb_build_object('jour', cr.jour,
                                                     'debut', to_char(cr.heure_debut, 'HH24:MI'),
                                                     'fin', to_char(cr.heure_fin, 'HH24:MI')) order by cr.jour)
                                          from affectation_creneau cr where cr.affectation_id = a.id), '[]'::jsonb))
                                  order by p.nom, p.prenom, p.numen)
                           from affectation a
                           join personnel p on p.id = a.personnel_id
                           left join commission co on co.id = a.commission_id
                           left join jury j on j.id = a.jury_id
                           where a.mission_id = m.id and a.statut in ('CONVOQUEE', 'CONVOQUEE_PAR_CENTRE')), '[]'::jsonb))
            from mission m
            join type_mission t on t.code = m.type_code
            join session_examen s on s.id = m.session_id
            join examen x on x.code = s.examen_code
            join etablissement c on c.uai = m.centre_uai
            left join epreuve_option eo on eo.id = m.epreuve_option_id
            where m.id = $1
            returning sequence""";

    /**
     * Appends the current convened list of mission {@code missionId} to the Santorin outbox, in
     * the caller's open tenant transaction {@code conn}; fails when the mission does not exist.
     */
    public Future<Void> append(SqlConnection conn, long missionId) {
        Tuple id = Tuple.of(missionId);
        return conn.preparedQuery(LOCK).execute(id).compose(locked -> {
            if (locked.rowCount() == 0) {
                return Future.failedFuture(new NoSuchElementException("mission " + missionId + " not found"));
            }
            return conn.preparedQuery(APPEND).execute(id).mapEmpty();
        });
    }
}
