package fr.education.imagin.competences;

import fr.education.imagin.core.security.Role;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.SharedPlatform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Rennes data the compétences tests create for themselves (their own staff), with plain JDBC. */
final class CompetencesFixture {

    static final String TENANT = "rennes";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private CompetencesFixture() {
    }

    /** The demo chefs d'établissement of Rennes: the lycée first, then the collège. */
    static List<DemoAccount> chefs() {
        return SharedPlatform.get().demoAccounts().stream()
                .filter(a -> a.role() == Role.CHEF_ETABLISSEMENT && TENANT.equals(a.tenantCode()) && a.uais().size() == 1)
                .toList();
    }

    static DemoAccount lycee() {
        return chefs().get(0);
    }

    static DemoAccount college() {
        return chefs().get(1);
    }

    static String uai(DemoAccount account) {
        return account.uais().get(0);
    }

    /** A new person working at {@code uai} (principal), with one teaching; returns the id. */
    static long newPerson(String uai, String nom) throws SQLException {
        int n = SEQUENCE.incrementAndGet();
        try (Connection conn = SharedPlatform.jdbc()) {
            long id;
            try (PreparedStatement st = conn.prepareStatement("""
                    insert into t_rennes.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                    values (?, 'Mme', ?, 'TESTEUSE', date '1980-01-01', 'SII OPTION INGENIERIE MECANIQUE') returning id""")) {
                st.setString(1, "99T" + System.nanoTime() % 10_000_000_000L + n);
                st.setString(2, nom);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            update(conn, "insert into t_rennes.lieu_exercice (personnel_id, uai, principal) values (?, ?, true)", id, uai);
            update(conn, """
                    insert into t_rennes.enseignement (personnel_id, uai, matiere, modalite, mef, type_mef, structure)
                    values (?, ?, 'INNOVATION TECHNO.', 'COURS GENERAL', '1STI2D SC. & TECHN.', 'MEF NATIONAL', '1STI2D')""", id, uai);
            return id;
        }
    }

    static String numen(long personId) throws SQLException {
        return strings("select numen from t_rennes.personnel where id = " + personId).get(0);
    }

    /** {@code count} épreuves options of the exam families given (SQL list, e.g. 'DNB'). */
    static List<Long> epreuves(String families, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (String s : strings("""
                select eo.id from t_rennes.epreuve_option eo join t_rennes.specialite s on s.id = eo.specialite_id
                join t_rennes.examen x on x.code = s.examen_code where x.famille in (%s) order by eo.id limit %d"""
                .formatted(families, count))) {
            ids.add(Long.parseLong(s));
        }
        return ids;
    }

    static void author(long personId, long epreuve, String auteur, String type, String avis) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc()) {
            update(conn, """
                    insert into t_rennes.competence_auteur (personnel_id, epreuve_option_id, auteur, type_auteur, avis)
                    values (?, ?, ?, ?, ?)""", personId, epreuve, auteur, type, avis);
        }
    }

    /** The authors of one compétence as COMP-2 labels them, sorted. */
    static List<String> authors(long personId, long epreuve) throws SQLException {
        return strings("select auteur || ' (' || avis || ')' from t_rennes.competence_auteur where personnel_id = "
                + personId + " and epreuve_option_id = " + epreuve + " order by 1");
    }

    static long count(String sql) throws SQLException {
        return Long.parseLong(strings(sql).get(0));
    }

    static void execute(String sql) throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement st = conn.prepareStatement(sql)) {
            st.executeUpdate();
        }
    }

    static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection conn = SharedPlatform.jdbc(); PreparedStatement st = conn.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void update(Connection conn, String sql, Object... values) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
        }
    }

    /** Page text with Freemarker's HTML escapes undone, to compare French messages verbatim. */
    static String text(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
