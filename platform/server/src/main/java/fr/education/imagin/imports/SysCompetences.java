package fr.education.imagin.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The compétences the system derives (COMP-2, "SYS (C)"): a person is competent for every
 * épreuve-option whose {@code matiere_enseignement} is the {@code matiere} of one of their
 * teachings ({@code enseignement}). Recomputed, inside the caller's transaction, for a scope the
 * caller loaded into a temporary table: the people whose teachings an import replaced, or the
 * épreuve-options whose matière a regulation import set or changed. Only the rows of the author
 * {@code SYS} are written or deleted, and only those that differ: the establishments', the agents'
 * and the managers' opinions are never touched, and recomputing an unchanged scope writes nothing.
 */
final class SysCompetences {

    /** SYS rows added (or turned back into a plain SYS (C)) and removed. */
    record Changes(int ajoutees, int retirees) {

        boolean any() {
            return ajoutees > 0 || retirees > 0;
        }

        /** For the report's informations, e.g. "Compétences SYS : 6 ajoutées, 1 retirée." */
        String phrase() {
            return "Compétences SYS (épreuves-options dont la matière est enseignée) : " + ajoutees
                    + (ajoutees > 1 ? " ajoutées, " : " ajoutée, ") + retirees + (retirees > 1 ? " retirées." : " retirée.");
        }
    }

    private SysCompetences() {
    }

    /** For the people of {@code table} (a temporary table with a {@code personnel_id} column). */
    static Changes forPeople(Connection conn, String table) throws SQLException {
        return refresh(conn, "e.personnel_id in (select personnel_id from " + table + ")",
                "c.personnel_id in (select personnel_id from " + table + ")");
    }

    /** For the épreuve-options of {@code table} (a temporary table with an {@code epreuve_option_id} column). */
    static Changes forEpreuves(Connection conn, String table) throws SQLException {
        return refresh(conn, "eo.id in (select epreuve_option_id from " + table + ")",
                "c.epreuve_option_id in (select epreuve_option_id from " + table + ")");
    }

    private static Changes refresh(Connection conn, String wantedScope, String rowScope) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    create temporary table sys_voulue on commit drop as
                    select distinct e.personnel_id, eo.id as epreuve_option_id from enseignement e
                    join epreuve_option eo on eo.matiere_enseignement = e.matiere
                    where %s""".formatted(wantedScope));
            st.execute("analyze sys_voulue");
            int retirees = st.executeUpdate("""
                    delete from competence_auteur c
                    where c.auteur = 'SYS' and c.type_auteur = 'SYS' and %s
                      and not exists (select 1 from sys_voulue v
                                      where v.personnel_id = c.personnel_id and v.epreuve_option_id = c.epreuve_option_id)"""
                    .formatted(rowScope));
            // Only the missing ones go to the insert: an anti-join is far cheaper than a conflict per row.
            int ajoutees = st.executeUpdate("""
                    insert into competence_auteur (personnel_id, epreuve_option_id, auteur, type_auteur, avis)
                    select v.personnel_id, v.epreuve_option_id, 'SYS', 'SYS', 'C' from sys_voulue v
                    where not exists (select 1 from competence_auteur c where c.personnel_id = v.personnel_id
                                        and c.epreuve_option_id = v.epreuve_option_id and c.auteur = 'SYS'
                                        and c.type_auteur = 'SYS' and c.avis = 'C')
                    on conflict (personnel_id, epreuve_option_id, auteur) do update
                        set type_auteur = 'SYS', avis = 'C', updated_at = now()
                    where competence_auteur.type_auteur <> 'SYS' or competence_auteur.avis <> 'C'""");
            st.execute("drop table sys_voulue");
            return new Changes(ajoutees, retirees);
        }
    }
}
