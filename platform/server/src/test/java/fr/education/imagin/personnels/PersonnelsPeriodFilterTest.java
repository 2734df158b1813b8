package fr.education.imagin.personnels;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PERS-2's default filter, "de disponibilité", with valid dates: the list keeps the people with
 * no declared unavailability overlapping the days of the period, a period's first and last days
 * included, whether the mode is sent (the form's checked radio) or left out.
 */
class PersonnelsPeriodFilterTest {

    private static String base;
    private static Browser browser;

    @BeforeAll
    static void arrange() throws SQLException {
        base = SharedPlatform.baseUrl();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("""
                    with p as (
                        insert into t_toulouse.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                        values ('DISPO-1', 'M.', 'ZZDISPO MARDI', 'A', date '1980-01-01', 'ANGLAIS'),
                               ('DISPO-2', 'M.', 'ZZDISPO JEUDI', 'B', date '1980-01-01', 'ANGLAIS'),
                               ('DISPO-3', 'M.', 'ZZDISPO LIBRE', 'C', date '1980-01-01', 'ANGLAIS')
                        returning id, numen),
                    l as (insert into t_toulouse.lieu_exercice (personnel_id, uai, principal) select id, '0310038Y', false from p)
                    insert into t_toulouse.indisponibilite (personnel_id, debut, fin, motif, origine, declarant_uai)
                    select id, d.debut, d.fin, 'Filtre', 'ETABLISSEMENT', '0310038Y' from p join (values
                        ('DISPO-1', timestamp '2031-03-11 08:00', timestamp '2031-03-11 18:00'),
                        ('DISPO-2', timestamp '2031-03-13 14:00', timestamp '2031-03-13 16:00')) d(numen, debut, fin)
                        on d.numen = p.numen""");
        }
        browser = new Browser();
        browser.login(base, "toulouse", "ce.0310038y", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
    }

    @Test
    void theDefaultModeKeepsThoseAvailableOnEveryDayOfThePeriod() {
        assertThat(available("10/03/2031", "10/03/2031")).containsExactly("ZZDISPO JEUDI", "ZZDISPO LIBRE", "ZZDISPO MARDI");
        assertThat(available("11/03/2031", "11/03/2031")).containsExactly("ZZDISPO JEUDI", "ZZDISPO LIBRE");
        assertThat(available("12/03/2031", "13/03/2031")).as("the last day of the period counts")
                .containsExactly("ZZDISPO LIBRE", "ZZDISPO MARDI");
        assertThat(available("10/03/2031", "14/03/2031")).containsExactly("ZZDISPO LIBRE");
        assertThat(available("14/03/2031", "20/03/2031")).containsExactly("ZZDISPO JEUDI", "ZZDISPO LIBRE", "ZZDISPO MARDI");
    }

    @Test
    void leavingTheModeOutAppliesTheDefault() {
        List<String> explicit = names("/toulouse/personnels/?q=zzdispo&tri=nom&sens=asc&periode=disponibilite&du=11/03/2031&au=11/03/2031");
        List<String> implicit = names("/toulouse/personnels/?q=zzdispo&tri=nom&sens=asc&du=11/03/2031&au=11/03/2031");
        assertThat(implicit).isEqualTo(explicit).containsExactly("ZZDISPO JEUDI", "ZZDISPO LIBRE");
    }

    private static List<String> available(String du, String au) {
        return names("/toulouse/personnels/?q=zzdispo&tri=nom&sens=asc&periode=disponibilite&du=" + du + "&au=" + au);
    }

    private static List<String> names(String path) {
        var response = browser.get(base + path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).doesNotContain("Erreur :");
        List<String> names = new ArrayList<>();
        Matcher link = Pattern.compile("class=\"imagin-ligne__lien\"[^>]*>([^<]*)</a>").matcher(response.body());
        while (link.find()) {
            names.add(link.group(1));
        }
        return names;
    }
}
