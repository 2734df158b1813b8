package fr.education.imagin.core.security;

import fr.education.imagin.Platform;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityGroup;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role dimension inside one académie (issue #10 point 9): an establishment of Rennes that
 * is not an exam centre there is refused every route of every "Centre Examen" activity, read
 * from the router (so an activity built later is walked without editing this test), GET and POST
 * with a valid CSRF token, with the refusal's real reason; nothing any such POST could write
 * changes.
 */
class CentreActivitiesGuardTest {

    private static final String TENANT = "rennes";

    @Test
    void aNonCentreEstablishmentIsRefusedEveryCentreExamenRoute() throws SQLException {
        Platform platform = SharedPlatform.get();
        String base = SharedPlatform.baseUrl();
        String login = nonCentreChef(platform);
        Set<String> centreActivities = Arrays.stream(Activity.values())
                .filter(a -> a.group() == ActivityGroup.CENTRE_EXAMEN && a != Activity.AUTRES_ACADEMIES)
                .map(Activity::code).collect(Collectors.toSet());
        String before = writableState();

        Browser college = new Browser();
        assertThat(college.login(base, TENANT, login, "imagin-demo").statusCode()).isEqualTo(302);
        List<String> calls = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (Platform.RouteEntry route : platform.routes()) {
                String[] segments = route.path().split("/");
                if (segments.length < 3 || !segments[1].equals(":tenant") || !centreActivities.contains(segments[2])
                        || route.path().endsWith("/*")) {
                    continue;
                }
                String concrete = "/" + TENANT + route.path().substring("/:tenant".length()).replaceAll(":[A-Za-z]+", "1");
                for (String method : route.methods().isEmpty() ? List.of("GET", "POST") : route.methods()) {
                    HttpResponse<String> response = method.equals("GET") ? college.get(base + concrete)
                            : college.submit(base + "/" + TENANT + "/", base + concrete,
                            Map.of("action", "FAIT", "motif", "Garde", "personnel", "1", "nom", "Garde", "ville", "Rennes"));
                    calls.add(method + " " + route.path() + " -> " + response.statusCode());
                    if (response.statusCode() == 302 && response.headers().firstValue("location").orElse("").equals(concrete + "/")) {
                        continue; // the activity's address without its slash leads to the one walked with it
                    }
                    if (response.statusCode() != 403 || !response.body().contains("réservée aux établissements centres d")) {
                        problems.add(method + " " + route.path() + " answered " + response.statusCode() + " to " + login);
                    }
                }
            }
        } finally {
            college.quit(base, TENANT);
        }
        System.out.println("Centre Examen routes as a non-centre establishment: " + calls.size() + " calls\n  "
                + String.join("\n  ", calls));
        assertThat(calls).as("every Centre Examen activity is walked")
                .anyMatch(c -> c.startsWith("GET /:tenant/missions/"))
                .anyMatch(c -> c.startsWith("POST /:tenant/convocations/"))
                .anyMatch(c -> c.startsWith("POST /:tenant/service-fait/"))
                .anyMatch(c -> c.startsWith("POST /:tenant/signature-centre/"));
        assertThat(problems).isEmpty();
        assertThat(writableState()).as("nothing written by the refused calls").isEqualTo(before);
    }

    /** A demo chef of Rennes whose only establishment is no exam centre in Rennes. */
    private static String nonCentreChef(Platform platform) throws SQLException {
        List<DemoAccount> candidates = platform.demoAccounts().stream()
                .filter(a -> TENANT.equals(a.tenantCode()) && a.login().startsWith("ce.0") && a.uais().size() == 1).toList();
        try (Connection c = SharedPlatform.jdbc(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select uai from t_rennes.etablissement where not centre_examen and uai in ("
                     + candidates.stream().map(a -> "'" + a.uais().get(0) + "'").collect(Collectors.joining(", ")) + ")")) {
            assertThat(rs.next()).as("a demo establishment of Rennes that is not an exam centre").isTrue();
            String uai = rs.getString(1);
            return candidates.stream().filter(a -> a.uais().get(0).equals(uai)).findFirst().orElseThrow().login();
        }
    }

    /** What the centre activities write, summed up. */
    private static String writableState() throws SQLException {
        try (Connection c = SharedPlatform.jdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select (select count(*) from t_rennes.affectation) || '/' || (select count(*) from t_rennes.service_fait)
                    || '/' || (select count(*) from t_rennes.frais) || '/' || (select count(*) from t_rennes.signature)
                    || '/' || (select count(*) from t_rennes.icc_saisie)
                    || '/' || (select coalesce(max(updated_at)::text, '') from t_rennes.icc_saisie)""")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
