package fr.education.imagin.personnels;

import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists sort text in French order whatever the database's locale: "ÉBÈNE" with the E (a byte
 * order puts it after the Z), lower and upper case together; the CSV follows the screen.
 */
class PersonnelsSortTest {

    private static String base;
    private static Browser browser;

    @BeforeAll
    static void arrange() throws SQLException {
        base = SharedPlatform.baseUrl();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("""
                    with p as (
                        insert into t_toulouse.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                        values ('TRI-1', 'M.', 'ZZTRI FANNY', 'A', date '1980-01-01', 'ANGLAIS'),
                               ('TRI-2', 'M.', 'ZZTRI ÉBÈNE', 'B', date '1980-01-01', 'ANGLAIS'),
                               ('TRI-3', 'M.', 'zztri eve', 'C', date '1980-01-01', 'ANGLAIS'),
                               ('TRI-4', 'M.', 'ZZTRI EMMA', 'D', date '1980-01-01', 'ANGLAIS')
                        returning id)
                    insert into t_toulouse.lieu_exercice (personnel_id, uai, principal) select id, '0310038Y', false from p""");
        }
        browser = new Browser();
        browser.login(base, "toulouse", "ce.0310038y", "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
    }

    @Test
    void namesSortInFrenchOrderOnScreenAndInTheCsv() {
        String html = browser.get(base + "/toulouse/personnels/?q=zztri&tri=nom&sens=asc").body();
        List<String> names = new ArrayList<>();
        Matcher link = Pattern.compile("class=\"imagin-ligne__lien\"[^>]*>([^<]*)</a>").matcher(html);
        while (link.find()) {
            names.add(link.group(1));
        }
        assertThat(names).containsExactly("ZZTRI ÉBÈNE", "ZZTRI EMMA", "zztri eve", "ZZTRI FANNY");

        String csv = new String(browser.download(base + "/toulouse/personnels/export.csv?q=zztri&tri=nom&sens=desc").body(),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(';'))).toList())
                .containsExactly("ZZTRI FANNY", "zztri eve", "ZZTRI EMMA", "ZZTRI ÉBÈNE");
    }
}
