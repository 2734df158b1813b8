package fr.education.imagin.santorin;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every pending Santorin record of every académie as one JSON file
 * {@code <académie>_<mission id>_<sequence, 6 digits>.json} (format: README, "Santorin"), in
 * order, and marks a record delivered only after its file is on disk: written to a temporary
 * name, forced, atomically renamed, directory forced. A crash in between re-exports the same
 * file under the same name rather than losing it. One export runs at a time (advisory lock).
 */
public final class SantorinExporter {

    private static final Logger LOG = LoggerFactory.getLogger(SantorinExporter.class);
    private static final String SET_PATH = "select set_config('search_path', ?, true)";
    private static final long LOCK_KEY = 0x53414e544f52494eL; // "SANTORIN"

    /** The files this run wrote, in the order it wrote them. */
    public record Result(List<Path> files) {
    }

    private record Pending(long id, long missionId, int sequence, String createdAt, String contenu) {
    }

    private final DataSource dataSource;

    public SantorinExporter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Result exportTo(Path dir) throws IOException, SQLException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        try (Connection conn = dataSource.getConnection()) {
            if (!advisoryLock(conn, "pg_try_advisory_lock")) {
                throw new IllegalStateException("another Santorin export is running");
            }
            try {
                for (String[] tenant : tenants(conn)) {
                    exportTenant(conn, tenant[0], tenant[1], dir, written);
                }
            } finally {
                advisoryLock(conn, "pg_advisory_unlock");
            }
        }
        return new Result(List.copyOf(written));
    }

    private static boolean advisoryLock(Connection conn, String function) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement("select " + function + "(?)")) {
            st.setLong(1, LOCK_KEY);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Every registered académie, disabled ones included: their committed lists are still owed to Santorin. */
    private static List<String[]> tenants(Connection conn) throws SQLException {
        List<String[]> tenants = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("select code, schema_name from platform.tenant order by code")) {
            while (rs.next()) {
                tenants.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        return tenants;
    }

    private static void exportTenant(Connection conn, String code, String schema, Path dir, List<Path> written)
            throws SQLException, IOException {
        List<Pending> pending = new ArrayList<>();
        conn.setAutoCommit(false);
        try {
            bind(conn, schema);
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("""
                         select id, mission_id, sequence, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                contenu::text
                         from santorin_envoi where delivered_at is null order by id""")) {
                while (rs.next()) {
                    pending.add(new Pending(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)));
                }
            }
            conn.commit();
            // In id order, which per mission is sequence order; the first failure stops this académie
            // so that no later list of a mission is delivered before an earlier one.
            for (Pending record : pending) {
                Path file = dir.resolve("%s_%d_%06d.json".formatted(code, record.missionId(), record.sequence()));
                JsonObject document = new JsonObject()
                        .put("academie", code)
                        .put("mission", record.missionId())
                        .put("sequence", record.sequence())
                        .put("cree_le", record.createdAt())
                        .put("liste", new JsonObject(record.contenu()));
                writeAtomically(file, document.encode() + "\n");
                bind(conn, schema);
                try (PreparedStatement st = conn.prepareStatement(
                        "update santorin_envoi set delivered_at = now(), fichier = ? where id = ?")) {
                    st.setString(1, file.getFileName().toString());
                    st.setLong(2, record.id());
                    st.executeUpdate();
                }
                conn.commit();
                written.add(file);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
        if (!pending.isEmpty()) {
            LOG.atInfo().addKeyValue("tenant", code).addKeyValue("files", pending.size()).log("Santorin lists exported");
        }
    }

    /** The schema is a parameter, never SQL text, and is forgotten at commit. */
    private static void bind(Connection conn, String schema) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(SET_PATH)) {
            st.setString(1, schema);
            st.executeQuery().close();
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
