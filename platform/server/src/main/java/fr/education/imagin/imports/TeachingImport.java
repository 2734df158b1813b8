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
import java.util.List;
import java.util.Map;

/**
 * Teachings (STS-WEB-like, GEST-1, PERS-4): gives each person of {@link TeachingFile} exactly the
 * teachings the file lists ({@code enseignement}); people absent from the file are left alone, an
 * unknown NUMEN or establishment refuses its line. Then the SYS compétences of the people listed
 * are recomputed from their teachings ({@link SysCompetences}, COMP-2): (C) for every
 * épreuve-option whose {@code matiere_enseignement} one of their teachings' subjects is, and the
 * SYS rows that no longer match removed; the other authors' rows are never touched. The rows go to
 * a temporary table by COPY and are merged by set-based statements in one transaction, which
 * writes only what differs: the same file again writes nothing.
 */
public final class TeachingImport implements Importer {

    private static final Logger LOG = LoggerFactory.getLogger(TeachingImport.class);
    /** The columns of a teaching, named alike in {@code enseignement} and the temporary tables. */
    private static final String COLONNES = "uai, matiere, modalite, mef, type_mef, structure";

    private final DataSource jdbc;

    public TeachingImport(DataSource jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ImportReport run(Tenant tenant, Path file, String actor, Progress progress) throws IOException {
        long start = System.nanoTime();
        TeachingFile.Rows rows;
        try (Reader in = ProgressInputStream.open(file, 40, progress)) {
            rows = TeachingFile.parse(in);
        }
        if (rows.teachings().isEmpty()) {
            return ImportReport.refused(rows.lignes(), rows.rejets(), List.of());
        }
        try {
            return write(tenant, rows, actor, progress, new StepTimings(start));
        } catch (SQLException e) {
            throw new IllegalStateException("Teaching import of " + tenant.code() + " failed", e);
        }
    }

    private ImportReport write(Tenant tenant, TeachingFile.Rows rows, String actor, Progress progress, StepTimings timings)
            throws SQLException {
        timings.step("read");
        try (Connection conn = jdbc.getConnection()) {
            conn.setAutoCommit(false);
            try {
                try (PreparedStatement st = conn.prepareStatement("select set_config('search_path', ?, true)")) {
                    st.setString(1, tenant.schemaName());
                    st.execute();
                }
                progress.at(40, "Chargement des lignes");
                load(conn, rows.teachings());
                timings.step("copy");
                progress.at(50, "Contrôle des personnels et des établissements");
                List<ImportReport.Rejet> rejets = new ArrayList<>(rows.rejets());
                rejets.addAll(unknown(conn));
                rejets.sort(StaffFile.BY_LINE);
                timings.step("check");
                if (!rejets.isEmpty()) {
                    conn.rollback();
                    return ImportReport.refused(rows.lignes(), rejets, List.of());
                }
                progress.at(60, "Écriture des enseignements");
                int[] counts = replace(conn);
                timings.step("merge");
                progress.at(80, "Compétences SYS des personnels du fichier");
                SysCompetences.Changes sys = SysCompetences.forPeople(conn, "import_personne");
                timings.step("sys");
                try (PreparedStatement st = conn.prepareStatement(
                        "insert into audit (actor, action, detail) values (?, 'IMPORT_ENSEIGNEMENTS', ?)")) {
                    st.setString(1, actor);
                    st.setString(2, rows.lignes() + " lignes ; enseignements créés " + counts[0] + ", supprimés " + counts[1]
                            + " (" + counts[2] + " personnels) ; compétences SYS ajoutées " + sys.ajoutees() + ", retirées "
                            + sys.retirees());
                    st.executeUpdate();
                }
                conn.commit();
                timings.step("commit");
                LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("rows", rows.lignes())
                        .addKeyValue("created", counts[0]).addKeyValue("deleted", counts[1]).addKeyValue("people", counts[2])
                        .addKeyValue("sys", sys.ajoutees() + "+/" + sys.retirees() + "-")
                        .addKeyValue("steps", timings).log("teaching import");
                List<String> informations = new ArrayList<>();
                if (counts[2] > 0) {
                    informations.add("Enseignements modifiés pour " + counts[2] + (counts[2] > 1 ? " personnels." : " personnel."));
                }
                if (sys.any()) {
                    informations.add(sys.phrase());
                }
                return new ImportReport(rows.lignes(), List.of(), List.of(), Map.of("enseignements", counts[0]), Map.of(),
                        Map.of("enseignements", counts[1]), informations);
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            }
        }
    }

    private static void load(Connection conn, List<TeachingFile.Teaching> teachings) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    create temporary table import_enseignement (ligne int not null, numen text not null, uai char(8) not null,
                        matiere text not null, modalite text not null, mef text not null, type_mef text not null,
                        structure text not null) on commit drop""");
        }
        try (CopyWriter w = CopyWriter.open(conn.unwrap(PGConnection.class).getCopyAPI(), "import_enseignement",
                "ligne, numen, " + COLONNES)) {
            for (TeachingFile.Teaching t : teachings) {
                w.num(t.line()).raw(t.numen()).raw(t.uai()).text(t.matiere()).text(t.modalite()).text(t.mef()).text(t.typeMef())
                        .text(t.structure()).endRow();
            }
            w.finish();
        }
        try (Statement st = conn.createStatement()) {
            st.execute("analyze import_enseignement");
        }
    }

    /** Each line naming a person or an establishment the académie does not have. */
    private static List<ImportReport.Rejet> unknown(Connection conn) throws SQLException {
        List<ImportReport.Rejet> rejets = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                select i.ligne, 'NUMEN ' || i.numen || ' inconnu dans l''académie : importez d''abord le personnel.'
                from import_enseignement i where not exists (select 1 from personnel p where p.numen = i.numen)
                union all
                select i.ligne, 'établissement ' || i.uai || ' inconnu dans l''académie.'
                from import_enseignement i where not exists (select 1 from etablissement e where e.uai = i.uai)""")) {
            while (rs.next()) {
                rejets.add(new ImportReport.Rejet(rs.getInt(1), rs.getString(2)));
            }
        }
        return rejets;
    }

    /**
     * The teachings of the people listed become the file's: those the file no longer gives (and
     * exact duplicates) are deleted, those it adds inserted. Returns created, deleted and the
     * people whose teachings changed.
     */
    private static int[] replace(Connection conn) throws SQLException {
        String same = "%1$s.uai = %2$s.uai and %1$s.matiere = %2$s.matiere and %1$s.modalite = %2$s.modalite and %1$s.mef = %2$s.mef "
                + "and %1$s.type_mef = %2$s.type_mef and %1$s.structure = %2$s.structure";
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    create temporary table import_ens on commit drop as
                    select p.id as personnel_id, %s from import_enseignement i join personnel p on p.numen = i.numen"""
                    .formatted("i." + COLONNES.replace(", ", ", i.")));
            st.execute("""
                    create temporary table import_personne (personnel_id bigint primary key) on commit drop""");
            st.execute("insert into import_personne select distinct personnel_id from import_ens");
            st.execute("create index on import_ens (personnel_id)");
            st.execute("analyze import_ens");
            st.execute("analyze import_personne");
            st.execute("create temporary table ens_modifie (personnel_id bigint not null) on commit drop");
            int deleted = st.executeUpdate("""
                    with supprimes as (
                        delete from enseignement e using import_personne p
                        where e.personnel_id = p.personnel_id
                          and (not exists (select 1 from import_ens i where i.personnel_id = e.personnel_id and %s)
                               or exists (select 1 from enseignement d where d.personnel_id = e.personnel_id and d.id < e.id and %s))
                        returning e.personnel_id)
                    insert into ens_modifie select personnel_id from supprimes"""
                    .formatted(same.formatted("i", "e"), same.formatted("d", "e")));
            int created = st.executeUpdate("""
                    with nouveaux as (
                        insert into enseignement (personnel_id, %1$s)
                        select i.personnel_id, %2$s from import_ens i
                        where not exists (select 1 from enseignement e where e.personnel_id = i.personnel_id and %3$s)
                        returning personnel_id)
                    insert into ens_modifie select personnel_id from nouveaux"""
                    .formatted(COLONNES, "i." + COLONNES.replace(", ", ", i."), same.formatted("e", "i")));
            try (ResultSet rs = st.executeQuery("select count(distinct personnel_id) from ens_modifie")) {
                rs.next();
                return new int[] {created, deleted, rs.getInt(1)};
            }
        }
    }
}
