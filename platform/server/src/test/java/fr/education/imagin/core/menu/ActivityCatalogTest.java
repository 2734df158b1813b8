package fr.education.imagin.core.menu;

import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityCatalogTest {

    @Test
    void everyActivityTheAcademyOfficeCanOpenHasAMenuEntryAndViceVersa() throws SQLException {
        List<String> seeded = new ArrayList<>();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement();
             ResultSet rows = st.executeQuery("select code from t_toulouse.activite")) {
            while (rows.next()) {
                seeded.add(rows.getString(1));
            }
        }
        assertThat(Arrays.stream(Activity.values()).map(Activity::code)).containsExactlyInAnyOrderElementsOf(seeded);
    }

    @Test
    void codesArePathSegmentsAndLabelsAreTheGuidesFrenchOnes() {
        assertThat(Activity.byCode("personnels")).contains(Activity.PERSONNELS);
        assertThat(Activity.PERSONNELS.path("toulouse")).isEqualTo("/toulouse/personnels/");
        assertThat(Activity.INDEMNITES.group()).isEqualTo(ActivityGroup.CENTRE_EXAMEN);
        assertThat(Arrays.stream(Activity.values())).allSatisfy(a -> assertThat(a.code()).matches("[a-z-]+"));
    }
}
