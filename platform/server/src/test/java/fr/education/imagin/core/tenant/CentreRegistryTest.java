package fr.education.imagin.core.tenant;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #10 point 8: an establishment declared an exam centre of the DGRH is never offered the DGRH (ACAD-1). */
class CentreRegistryTest {

    private static final String UAI = "0319998Y";

    @BeforeAll
    static void declare() throws SQLException {
        SharedPlatform.get();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("""
                    insert into platform.tenant (code, nom, schema_name, contact_mail, actif)
                    values ('dgrh', 'DGRH', 't_dgrh', 'dgrh@example.fr', true) on conflict do nothing""");
            st.execute("insert into platform.centre_examen_academie (uai, tenant_code) values ('" + UAI + "', 'toulouse'),"
                    + " ('" + UAI + "', 'rennes'), ('" + UAI + "', 'dgrh') on conflict do nothing");
        }
    }

    @AfterAll
    static void clean() throws SQLException {
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("delete from platform.centre_examen_academie where uai = '" + UAI + "'");
            st.execute("delete from platform.tenant where code = 'dgrh'");
        }
    }

    @Test
    void theDgrhIsNeverOfferedAsAnotherAcademie() throws Exception {
        CentreRegistry registry = new CentreRegistry(new TenantSql(SharedPlatform.get().database().pool()));
        registry.reload().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(registry.isCentreIn(UAI, "dgrh")).isTrue();
        assertThat(registry.otherAcademies(UAI, "toulouse")).containsExactly("rennes");
    }
}
