package fr.education.imagin.imports;

import fr.education.imagin.core.db.CopyWriter;
import fr.education.imagin.core.tenant.Tenant;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Staff and workplaces (EPP-like, GEST-1): creates the people the académie does not know yet
 * (by NUMEN), updates those whose identity changed, and gives each person of the file exactly
 * the workplaces the file lists ({@code lieu_exercice}); people absent from the file are left
 * alone. The rows go to temporary tables by COPY and are merged with set-based statements in one
 * transaction, which writes nothing when a row is refused (unknown UAI included) and changes
 * nothing when the file says what the database already holds.
 */
public final class StaffImport implements Importer {

    private static final Logger LOG = LoggerFactory.getLogger(StaffImport.class);
    /** The columns of personnel the import owns; the others (address, phones at home...) are kept. */
    private static final String IDENTITE = "civilite, nom, prenom, date_naissance, discipline_poste, corps, mail_pro, tel_pro";

    private final DataSource jdbc;

    public StaffImport(DataSource jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportReport run(Tenant tenant, Path file, String actor, Progress progress) throws IOException {
        long start = System.nanoTime();
        StaffFile.Rows rows;
        try (Reader in = ProgressInputStream.open(file, 50, progress)) {
            rows = StaffFile.parse(in);
        }
        if (rows.people().isEmpty()) {
            return ImportReport.refused(rows.lignes(), rows.rejets(), List.of());
        }
        try {
            return write(tenant, rows, actor, progress, new StepTimings(start));
        } catch (SQLException e) {
            throw new IllegalStateException("Staff import of " + tenant.code() + " failed", e);
        }
    }

    private ImportReport write(Tenant tenant, StaffFile.Rows rows, String actor, Progress progress, StepTimings timings)
            throws SQLException {
        timings.step("read");
        try (Connection conn = jdbc.getConnection()) {
            conn.setAutoCommit(false);
            try {
                try (PreparedStatement st = conn.prepareStatement("select set_config('search_path', ?, true)")) {
                    st.setString(1, tenant.schemaName());
                    st.execute();
                }
                progress.at(50, "Contrôle des établissements");
                List<ImportReport.Rejet> rejets = new ArrayList<>(rows.rejets());
                rejets.addAll(unknownWorkplaces(conn, rows.people()));
                rejets.sort(StaffFile.BY_LINE);
                timings.step("check");
                if (!rejets.isEmpty()) {
                    conn.rollback();
                    return ImportReport.refused(rows.lignes(), rejets, List.of());
                }
                progress.at(60, "Chargement des lignes");
                load(conn, rows.people());
                timings.step("copy");
                progress.at(75, "Comparaison avec les personnels de l'académie");
                int[] counts = counts(conn);
                timings.step("compare");
                progress.at(85, "Écriture des personnels et de leurs lieux d'exercice");
                merge(conn);
                timings.step("merge");
                try (PreparedStatement st = conn.prepareStatement("insert into audit (actor, action, detail) values (?, 'IMPORT_PERSONNELS', ?)")) {
                    st.setString(1, actor);
                    st.setString(2, rows.lignes() + " lignes, " + rows.people().size() + " personnels ; créés " + counts[0]
                            + " ; mis à jour " + counts[1]);
                    st.executeUpdate();
                }
                conn.commit();
                timings.step("commit");
                LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("rows", rows.lignes())
                        .addKeyValue("created", counts[0]).addKeyValue("updated", counts[1])
                        .addKeyValue("steps", timings).log("staff import");
                return new ImportReport(rows.lignes(), List.of(), List.of(), Map.of("personnels", counts[0]),
                        Map.of("personnels", counts[1]), List.of());
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        }
    }

    /** Each line naming an establishment the académie does not have. */
    private static List<ImportReport.Rejet> unknownWorkplaces(Connection conn, List<StaffFile.Person> people) throws SQLException {
        Set<String> wanted = new HashSet<>();
        people.forEach(p -> wanted.addAll(p.lieux().keySet()));
        Set<String> known = new HashSet<>();
        try (PreparedStatement st = conn.prepareStatement("select uai from etablissement where uai = any(?)")) {
            st.setArray(1, conn.createArrayOf("text", wanted.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        List<ImportReport.Rejet> rejets = new ArrayList<>();
        for (StaffFile.Person p : people) {
            p.lignesLieux().forEach((uai, line) -> {
                if (!known.contains(uai)) {
                    rejets.add(new ImportReport.Rejet(line, "établissement " + uai + " inconnu dans l'académie."));
                }
            });
        }
        return rejets;
    }

    private static void load(Connection conn, List<StaffFile.Person> people) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    create temporary table import_personnel (numen text primary key, civilite text not null, nom text not null,
                        prenom text not null, date_naissance date not null, discipline_poste text not null, corps text not null,
                        mail_pro text not null, tel_pro text not null) on commit drop""");
            st.execute("""
                    create temporary table import_lieu (numen text not null, uai char(8) not null, principal boolean not null,
                        primary key (numen, uai)) on commit drop""");
        }
        var copy = conn.unwrap(PGConnection.class).getCopyAPI();
        try (CopyWriter w = CopyWriter.open(copy, "import_personnel", "numen, " + IDENTITE)) {
            for (StaffFile.Person p : people) {
                w.raw(p.numen()).raw(p.civilite()).text(p.nom()).text(p.prenom()).raw(p.dateNaissance().toString())
                        .text(p.discipline()).text(p.corps()).text(p.mailPro()).text(p.telPro()).endRow();
            }
            w.finish();
        }
        try (CopyWriter w = CopyWriter.open(copy, "import_lieu", "numen, uai, principal")) {
            for (StaffFile.Person p : people) {
                for (Map.Entry<String, Boolean> lieu : p.lieux().entrySet()) {
                    w.raw(p.numen()).raw(lieu.getKey()).bool(lieu.getValue()).endRow();
                }
            }
            w.finish();
        }
        try (Statement st = conn.createStatement()) {
            st.execute("analyze import_personnel");
            st.execute("analyze import_lieu");
        }
    }

    /** People to create, and people whose identity or workplaces differ from the file. */
    private static int[] counts(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                with fichier as (select numen, string_agg(uai || ':' || principal, ',' order by uai) as lieux
                                 from import_lieu group by numen),
                     base as (select p.numen, string_agg(l.uai || ':' || l.principal, ',' order by l.uai) as lieux
                              from personnel p join import_personnel i on i.numen = p.numen
                              join lieu_exercice l on l.personnel_id = p.id group by p.numen)
                select count(*) filter (where p.id is null),
                       count(*) filter (where p.id is not null
                           and ((p.%1$s) is distinct from (i.%2$s) or f.lieux is distinct from b.lieux))
                from import_personnel i
                left join personnel p on p.numen = i.numen
                left join fichier f on f.numen = i.numen
                left join base b on b.numen = i.numen""".formatted(IDENTITE.replace(", ", ", p."), IDENTITE.replace(", ", ", i.")))) {
            rs.next();
            return new int[]{rs.getInt(1), rs.getInt(2)};
        }
    }

    /** Writes only what differs, so that importing the same file again changes no row. */
    private static void merge(Connection conn) throws SQLException {
        String excluded = IDENTITE.replace(", ", ", excluded.");
        String set = String.join(", ", java.util.Arrays.stream(IDENTITE.split(", ")).map(c -> c + " = excluded." + c).toList());
        try (Statement st = conn.createStatement()) {
            st.executeUpdate("""
                    insert into personnel (numen, %1$s) select numen, %1$s from import_personnel
                    on conflict (numen) do update set %2$s
                    where (personnel.%3$s) is distinct from (excluded.%4$s)"""
                    .formatted(IDENTITE, set, IDENTITE.replace(", ", ", personnel."), excluded));
            // Workplaces the file no longer lists, then principals that become secondary (one principal at a time).
            st.executeUpdate("""
                    delete from lieu_exercice l using personnel p
                    where l.personnel_id = p.id and p.numen in (select numen from import_personnel)
                      and not exists (select 1 from import_lieu i where i.numen = p.numen and i.uai = l.uai)""");
            st.executeUpdate("""
                    update lieu_exercice l set principal = false from personnel p, import_lieu i
                    where l.personnel_id = p.id and i.numen = p.numen and i.uai = l.uai and l.principal and not i.principal""");
            st.executeUpdate("""
                    insert into lieu_exercice (personnel_id, uai, principal)
                    select p.id, i.uai, i.principal from import_lieu i join personnel p on p.numen = i.numen
                    on conflict (personnel_id, uai) do update set principal = excluded.principal
                    where lieu_exercice.principal is distinct from excluded.principal""");
        }
    }
}
