package fr.education.imagin.core.security;

import fr.education.imagin.Platform;
import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.TestPlatform;
import fr.education.imagin.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every route the router knows and calls each one, as every kind of caller who must not
 * get in, against the académie of Rennes: nobody signed in, a gestionnaire and a chef
 * d'établissement of Toulouse, and Toulouse's lycée that is an exam centre elsewhere but not in
 * Rennes. A route added without going through the access policy makes this test fail, and so
 * does a public route nobody declared public here. The same callers walk the national admin
 * console ({@code /admin/...}), which refuses everyone but a national admin.
 */
class AuthorisationMatrixTest {

    /** Routes anyone may call, on purpose. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /", "GET /health", "GET /ready", "GET /bench/fortunes",
            "GET /:tenant", "GET /:tenant/connexion", "POST /:tenant/connexion", "POST /:tenant/quitter",
            "GET /:tenant/oidc/callback",
            "GET /admin", "GET /admin/connexion", "POST /admin/connexion");
    /** The national admin console: behind its own guard, walked by {@link #everyAdminRouteRefusesEveryoneButNationalAdmins}. */
    private static final String ADMIN = "/admin/";
    private static final Pattern CSRF = Pattern.compile("name=\"X-XSRF-TOKEN\" value=\"([^\"]*)\"");
    private static final String TARGET = "rennes";
    /** Parameterised routes that name no establishment's record (help topics are the same for all). */
    private static final Set<String> NOT_RECORDS = Set.of("/:tenant/aide/:sujet");

    private static Platform platform;
    private static String base;
    private static String jdbcUrl;
    private static final Map<String, Browser> CALLERS = new LinkedHashMap<>();
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        jdbcUrl = TestPostgres.newDatabase();
        platform = TestPlatform.start(TestPlatform.settings(jdbcUrl));
        base = TestPlatform.baseUrl(platform);
        String toulouseCollege = platform.demoAccounts().stream()
                .filter(a -> "toulouse".equals(a.tenantCode()) && a.login().startsWith("ce.") && !a.login().equals("ce.0310038y"))
                .map(DemoAccount::login).findFirst().orElseThrow();
        CALLERS.put("anonyme", new Browser());
        signIn("gestionnaire d'une autre académie", "gest.toulouse");
        signIn("chef d'établissement d'une autre académie", toulouseCollege);
        signIn("centre d'examen d'autres académies", "ce.0310038y");
    }

    private static void signIn(String who, String login) {
        Browser browser = new Browser();
        assertThat(browser.login(base, "toulouse", login, "imagin-demo").statusCode()).as(who).isEqualTo(302);
        Matcher token = CSRF.matcher(browser.get(base + "/toulouse/").body());
        assertThat(token.find()).as("CSRF token on the home page of " + who).isTrue();
        CALLERS.put(who, browser);
        TOKENS.put(who, token.group(1));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyAcademyRouteRefusesEveryCallerFromElsewhere() {
        List<String> calls = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Platform.RouteEntry route : platform.routes()) {
            if (!route.path().startsWith("/:tenant/") || route.path().endsWith("/*")) {
                continue; // pass-through steps (tenant, session, CSRF, policy) are exercised by every call
            }
            for (String method : route.methods().isEmpty() ? List.of("GET", "POST") : route.methods()) {
                if (PUBLIC.contains(method + " " + route.path())) {
                    continue;
                }
                String url = base + concrete(route.path());
                for (Map.Entry<String, Browser> caller : CALLERS.entrySet()) {
                    int status = call(caller.getValue(), method, url, TOKENS.get(caller.getKey()));
                    calls.add(method + " " + route.path() + " as " + caller.getKey() + " -> " + status);
                    if (!refused(caller.getKey(), method, status)) {
                        leaks.add(method + " " + route.path() + " as " + caller.getKey() + " answered " + status);
                    }
                }
            }
        }
        System.out.println("Authorisation matrix: " + calls.size() + " calls\n  " + String.join("\n  ", calls));
        assertThat(calls).as("routes behind the access policy").isNotEmpty();
        assertThat(leaks).isEmpty();
    }

    @Test
    void everyAdminRouteRefusesEveryoneButNationalAdmins() {
        List<String> calls = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Platform.RouteEntry route : platform.routes()) {
            if (!route.path().startsWith(ADMIN) || route.path().endsWith("/*")) {
                continue; // pass-through steps (session, CSRF, guard) are exercised by every call
            }
            for (String method : route.methods().isEmpty() ? List.of("GET", "POST") : route.methods()) {
                if (PUBLIC.contains(method + " " + route.path())) {
                    continue;
                }
                String url = base + route.path().replace(":code", TARGET).replaceAll(":[A-Za-z]+", "1");
                for (Map.Entry<String, Browser> caller : CALLERS.entrySet()) {
                    int status = call(caller.getValue(), method, url, TOKENS.get(caller.getKey()));
                    calls.add(method + " " + route.path() + " as " + caller.getKey() + " -> " + status);
                    if (!refused(caller.getKey(), method, status)) {
                        leaks.add(method + " " + route.path() + " as " + caller.getKey() + " answered " + status);
                    }
                }
            }
        }
        System.out.println("Admin console matrix: " + calls.size() + " calls\n  " + String.join("\n  ", calls));
        assertThat(calls).as("routes behind the national admin guard").isNotEmpty();
        assertThat(leaks).isEmpty();
        assertThat(CALLERS.get("anonyme").get(base + "/admin/").headers().firstValue("location")).hasValue("/admin/connexion");
    }

    @Test
    void everyRouteOutsideTheAcademiesIsDeclaredPublic() {
        List<String> undeclared = new ArrayList<>();
        for (Platform.RouteEntry route : platform.routes()) {
            if (route.path().startsWith("/:tenant/")) {
                continue; // behind the access policy, walked above
            }
            if (route.path().startsWith(ADMIN) && !PUBLIC.contains("GET " + route.path())
                    && !PUBLIC.contains("POST " + route.path())) {
                continue; // behind the national admin guard, walked above
            }
            for (String method : route.methods().isEmpty() ? List.of("ANY") : route.methods()) {
                // Static assets sit under a content-hashed prefix (/static/<hash>/...).
                if (!PUBLIC.contains(method + " " + route.path()) && !route.path().startsWith("/static/")) {
                    undeclared.add(method + " " + route.path());
                }
            }
        }
        assertThat(undeclared).as("routes reachable without the access policy that nobody declared public").isEmpty();
    }

    /**
     * The academy office's pages ({@code /:tenant/administration/...}: activity states, audit
     * journal, validated compétences, the outbox of mails) refuse a chef d'établissement of the
     * académie itself, whatever the method.
     */
    @Test
    void academyOfficeRoutesRefuseAnEstablishmentOfTheSameAcademie() {
        DemoAccount chef = platform.demoAccounts().stream()
                .filter(a -> TARGET.equals(a.tenantCode()) && a.login().startsWith("ce.0")).findFirst().orElseThrow();
        Browser browser = new Browser();
        assertThat(browser.login(base, TARGET, chef.login(), "imagin-demo").statusCode()).isEqualTo(302);
        Matcher token = CSRF.matcher(browser.get(base + "/" + TARGET + "/").body());
        assertThat(token.find()).isTrue();
        List<String> calls = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Platform.RouteEntry route : platform.routes()) {
            if (!route.path().startsWith("/:tenant/administration/") || route.path().endsWith("/*")) {
                continue;
            }
            for (String method : route.methods().isEmpty() ? List.of("GET", "POST") : route.methods()) {
                int status = call(browser, method, base + concrete(route.path()), token.group(1));
                calls.add(method + " " + route.path() + " -> " + status);
                if (status != 403) {
                    leaks.add(method + " " + route.path() + " answered " + status + " to " + chef.login());
                }
            }
        }
        System.out.println("Academy office routes as a chef d'établissement: " + String.join(", ", calls));
        assertThat(calls).as("office routes").anyMatch(c -> c.startsWith("GET /:tenant/administration/courriels "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/courriels/relance "));
        assertThat(leaks).isEmpty();
        browser.submit(base + "/" + TARGET + "/", base + "/" + TARGET + "/quitter", Map.of());
    }

    /**
     * The establishment dimension: a chef d'établissement of Rennes asks every route that names a
     * record for a record of another establishment of Rennes. A route whose parameter has no
     * "foreign value" below fails the test, so a new screen must say how it is checked.
     */
    @Test
    void establishmentScopedRoutesRefuseRecordsOfAnotherEstablishment() throws SQLException {
        DemoAccount chef = platform.demoAccounts().stream()
                .filter(a -> TARGET.equals(a.tenantCode()) && a.login().startsWith("ce.0")).findFirst().orElseThrow();
        String uai = chef.uais().get(0);
        Browser browser = new Browser();
        assertThat(browser.login(base, TARGET, chef.login(), "imagin-demo").statusCode()).isEqualTo(302);
        String[] foreignPerson = foreignPersonnel(uai);
        String[] foreignMission = foreignMission(uai);

        List<String> calls = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Platform.RouteEntry route : platform.routes()) {
            String path = route.path();
            if (!path.startsWith("/:tenant/") || path.endsWith("/*") || !path.substring("/:tenant".length()).contains(":")
                    || NOT_RECORDS.contains(path)) {
                continue;
            }
            // :id is a mission held in another centre in "missions", :affectation one of its convened ones.
            if (path.matches("/:tenant/missions/:id(/intervenants\\.csv|/jurys\\.pdf|/details\\.pdf|/convocations/:affectation)?")) {
                String concrete = path.replace(":tenant", TARGET).replace(":id", foreignMission[0])
                        .replace(":affectation", foreignMission[2]);
                HttpResponse<String> response = browser.get(base + concrete);
                calls.add("GET " + concrete + " -> " + response.statusCode());
                if ((response.statusCode() != 403 && response.statusCode() != 404) || response.body().contains(foreignMission[1])) {
                    problems.add("GET " + concrete + " answered " + response.statusCode() + " for a mission held outside " + uai);
                }
                continue;
            }
            // :id is a person in "personnels", "indisponibilites" and "competences" (their forms and writes too);
            // :affectation one of that person's convened affectations.
            if (!path.matches("/:tenant/(personnels/:id(/convocations/:affectation|/indisponibilites/:indisponibilite)?"
                    + "|indisponibilites/:id(/ajout|/suppression)?"
                    + "|competences/:id(/ajout|/valider|/invalider|/ajouter)?)")) {
                problems.add(path + ": no foreign value declared for its parameters in this test");
                continue;
            }
            String concrete = path.replace(":tenant", TARGET).replace(":id", foreignPerson[0])
                    .replace(":affectation", foreignPerson[2]).replace(":indisponibilite", foreignPerson[3]);
            boolean post = route.methods().equals(List.of("POST"));
            HttpResponse<String> response = post ? browser.submit(base + "/" + TARGET + "/", base + concrete, Map.of(
                    "dateDebut", "01/01/2030", "heureDebut", "08:00", "dateFin", "01/01/2030", "heureFin", "10:00",
                    "motif", "Matrice", "indisponibilite", "1", "epreuve", "1")) : browser.get(base + concrete);
            calls.add((post ? "POST " : "GET ") + concrete + " -> " + response.statusCode());
            if ((response.statusCode() != 403 && response.statusCode() != 404) || response.body().contains(foreignPerson[1])) {
                problems.add((post ? "POST " : "GET ") + concrete + " answered " + response.statusCode() + " for a person outside " + uai);
            }
        }
        System.out.println("Establishment dimension: " + String.join(", ", calls));
        assertThat(calls).as("routes naming a record").isNotEmpty();
        assertThat(problems).isEmpty();
        browser.submit(base + "/" + TARGET + "/", base + "/" + TARGET + "/quitter", Map.of());
    }

    /**
     * Id, name, a convened affectation and an unavailability (0 if none) of someone who works
     * neither principally nor secondarily in {@code uai}.
     */
    private static String[] foreignPersonnel(String uai) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement query = conn.prepareStatement(
                     "select p.id, p.nom, a.id, (select max(i.id) from t_rennes.indisponibilite i where i.personnel_id = p.id)"
                             + " from t_rennes.personnel p"
                             + " join t_rennes.affectation a on a.personnel_id = p.id and a.statut <> 'AFFECTEE'"
                             + " where not exists (select 1 from t_rennes.lieu_exercice l"
                             + " where l.personnel_id = p.id and l.uai = ?) order by p.id, a.id limit 1")) {
            query.setString(1, uai);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new String[]{String.valueOf(rows.getLong(1)), rows.getString(2), String.valueOf(rows.getLong(3)),
                        String.valueOf(rows.getLong(4))};
            }
        }
    }

    /** Id, number and a convened affectation of a mission held in another centre than {@code uai}. */
    private static String[] foreignMission(String uai) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement query = conn.prepareStatement(
                     "select m.id, m.numero, a.id from t_rennes.mission m"
                             + " join t_rennes.affectation a on a.mission_id = m.id and a.statut <> 'AFFECTEE'"
                             + " where m.centre_uai <> ? order by m.id, a.id limit 1")) {
            query.setString(1, uai);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new String[]{String.valueOf(rows.getLong(1)), rows.getString(2), String.valueOf(rows.getLong(3))};
            }
        }
    }

    private static boolean refused(String caller, String method, int status) {
        if (caller.equals("anonyme")) {
            // Pages send strangers to the login form; other methods are refused outright.
            return method.equals("GET") ? status == 302 : status == 401 || status == 403;
        }
        return status == 403;
    }

    /** The path with the target académie and placeholder values for other parameters. */
    private static String concrete(String path) {
        return path.replace(":tenant", TARGET).replaceAll(":[A-Za-z]+", "1");
    }

    private static int call(Browser browser, String method, String url, String token) {
        HttpResponse<String> response = method.equals("GET") ? browser.get(url)
                : browser.post(url, token == null ? Map.of() : Map.of("X-XSRF-TOKEN", token));
        return response.statusCode();
    }
}
