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
    /** "Convocation par mission": its routes and the rules walked by {@link #convocationRoutesReachOnlyTheCentresOwnOpenMissionsAndConvocations}. */
    private static final String CONVOCATIONS = "/:tenant/convocations/";
    /** "Constat service fait": the centre's routes and the office's, which name a mission of any centre. */
    private static final String SERVICE_FAIT = "/:tenant/service-fait/";
    private static final String SERVICE_FAIT_OFFICE = "/:tenant/administration/service-fait/";
    /** The office's expenses (GEST-3): a session's routes, which name any session of the académie. */
    private static final String FRAIS_OFFICE = "/:tenant/administration/frais/";
    /** "Indemnités des chefs de centre": the centre's routes name a session (its uai is the caller's), the office's a centre. */
    private static final String INDEMNITES = "/:tenant/indemnites/";
    private static final String INDEMNITES_OFFICE = "/:tenant/administration/indemnites/";
    /** "Missions de l'académie": the office's routes name any mission of the académie. */
    private static final String MISSIONS_OFFICE = "/:tenant/administration/missions/";
    private static final String AFFECTATION_OFFICE = "/:tenant/administration/affectation/";

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
     * journal, validated compétences, the outbox of mails, the imports and their uploads) refuse a chef d'établissement of the
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
        try {
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
        } finally {
            // One session per establishment (SH-10): a failure must not lock the next test out.
            browser.submit(base + "/" + TARGET + "/", base + "/" + TARGET + "/quitter", Map.of());
        }
        System.out.println("Academy office routes as a chef d'établissement: " + String.join(", ", calls));
        assertThat(calls).as("office routes").anyMatch(c -> c.startsWith("GET /:tenant/administration/courriels "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/courriels/relance "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/service-fait/import "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/service-fait/:mission "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/frais "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/frais/sessions/:session/ "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/frais/sessions/:session/export.csv "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/frais/sessions/:session/paiement.csv "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/frais/sessions/:session/actions "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/frais/taux "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/frais/taux "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/indemnites "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/indemnites/:uai/:session/:periode "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/indemnites/:uai/:session/:periode/rouvrir "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/imports/inscriptions "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/imports/inscriptions "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/imports/inscriptions/etat "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/imports/personnels "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/imports/personnels "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/imports/personnels/etat "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/imports/reglementation "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/imports/reglementation "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/imports/reglementation/etat "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/imports/enseignements "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/imports/enseignements "))
                .anyMatch(c -> c.startsWith("GET /:tenant/administration/imports/enseignements/etat "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/missions/:id/convoquer "))
                .anyMatch(c -> c.startsWith("POST /:tenant/administration/missions/:id/retirer "));
        assertThat(leaks).isEmpty();
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
        try {
            walkEstablishmentScopedRoutes(browser, uai);
        } finally {
            browser.submit(base + "/" + TARGET + "/", base + "/" + TARGET + "/quitter", Map.of());
        }
    }

    private static void walkEstablishmentScopedRoutes(Browser browser, String uai) throws SQLException {
        String[] foreignPerson = foreignPersonnel(uai);
        String[] foreignMission = foreignMission(uai);
        String constatBefore = constat(foreignMission[2]);
        String[] foreignIcc = foreignIcc(uai);
        String iccBefore = icc(foreignIcc[2]);
        String designation = designation(foreignMission[0]);
        String missionBefore = officeMissionState(foreignMission[0]);

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
            // :mission is a mission held in another centre in "convocations", :affectation one of its convened ones
            // (its own rules are walked by convocationRoutesReachOnlyTheCentresOwnOpenMissionsAndConvocations).
            if (path.startsWith(CONVOCATIONS + ":mission")) {
                String concrete = path.replace(":tenant", TARGET).replace(":mission", foreignMission[0])
                        .replace(":affectation", foreignMission[2]);
                boolean post = route.methods().equals(List.of("POST"));
                HttpResponse<String> response = post ? browser.submit(base + "/" + TARGET + "/", base + concrete, Map.of(
                        "personnel", foreignMission[2], "qualite", "Examinateur", "observation", "Matrice"))
                        : browser.get(base + concrete);
                calls.add((post ? "POST " : "GET ") + concrete + " -> " + response.statusCode());
                if ((response.statusCode() != 403 && response.statusCode() != 404) || response.body().contains(foreignMission[1])) {
                    problems.add((post ? "POST " : "GET ") + concrete + " answered " + response.statusCode()
                            + " for a mission held outside " + uai);
                }
                continue;
            }
            // :mission is a mission held in another centre in "service-fait", :affectation one of its convened ones; the
            // office's routes to any centre's mission are refused to the chef outright (403, AcademyOffice).
            if (path.startsWith(SERVICE_FAIT + ":mission") || path.startsWith(SERVICE_FAIT_OFFICE + ":mission")) {
                boolean office = path.startsWith(SERVICE_FAIT_OFFICE);
                String concrete = path.replace(":tenant", TARGET).replace(":mission", foreignMission[0])
                        .replace(":affectation", foreignMission[2]);
                boolean post = route.methods().equals(List.of("POST"));
                HttpResponse<String> response = post ? browser.submit(base + "/" + TARGET + "/", base + concrete, Map.of(
                        "action-" + foreignMission[2], "FAIT", "quantite-" + foreignMission[2], "1", "action", "FAIT"))
                        : browser.get(base + concrete);
                calls.add((post ? "POST " : "GET ") + concrete + " -> " + response.statusCode());
                boolean refused = office ? response.statusCode() == 403
                        : response.statusCode() == 403 || response.statusCode() == 404;
                if (!refused || response.body().contains(foreignMission[1])) {
                    problems.add((post ? "POST " : "GET ") + concrete + " answered " + response.statusCode()
                            + " for a mission held outside " + uai);
                }
                continue;
            }
            // :id is any mission of the académie in the office's missions (its page, its save, its convocation of the
            // selected designations, its "Retirer"): refused to the chef outright (403), unchanged.
            if (path.startsWith(MISSIONS_OFFICE + ":id")) {
                String concrete = path.replace(":tenant", TARGET).replace(":id", foreignMission[0]);
                boolean post = route.methods().equals(List.of("POST"));
                Map<String, String> form = new LinkedHashMap<>(Map.of("debut", "01/01/2001", "fin", "02/01/2001",
                        "observation", "Matrice", "observationConvocation", ""));
                form.putAll(Map.of("affectation", designation, "tout", "oui", "designees", designation,
                        "heureDebut", "08:00", "heureFin", "10:00", "confirmer", "1"));
                HttpResponse<String> response = post ? browser.submit(base + "/" + TARGET + "/", base + concrete, form)
                        : browser.get(base + concrete);
                calls.add((post ? "POST " : "GET ") + concrete + " -> " + response.statusCode());
                if (response.statusCode() != 403 || response.body().contains(foreignMission[1])) {
                    problems.add((post ? "POST " : "GET ") + concrete + " answered " + response.statusCode()
                            + " to a chef d'établissement");
                }
                continue;
            }
            // :id is any session of the académie in the office's automatic affectation, :calcul a run: refused to the chef
            // outright (403), no run started, stopped or accepted.
            // In its missions, :id is a mission of another centre (its proposals; designating someone there).
            if (path.startsWith(AFFECTATION_OFFICE + "sessions/:id") || path.startsWith(AFFECTATION_OFFICE + "missions/:id")) {
                String id = path.startsWith(AFFECTATION_OFFICE + "sessions/") ? foreignMission[3] : foreignMission[0];
                String concrete = path.replace(":tenant", TARGET).replace(":id", id).replace(":calcul", "1");
                boolean post = route.methods().equals(List.of("POST"));
                HttpResponse<String> response = post ? browser.submit(base + "/" + TARGET + "/", base + concrete, Map.of(
                        "choix", "tout", "poste", "0", "personnel", foreignMission[2])) : browser.get(base + concrete);
                calls.add((post ? "POST " : "GET ") + concrete + " -> " + response.statusCode());
                if (response.statusCode() != 403) {
                    problems.add((post ? "POST " : "GET ") + concrete + " answered " + response.statusCode()
                            + " to a chef d'établissement");
                }
                continue;
            }
            // :session is any session of the académie in the office's expenses: refused to the chef outright (403).
            if (path.startsWith(FRAIS_OFFICE + "sessions/:session")) {
                String concrete = path.replace(":tenant", TARGET).replace(":session", foreignMission[3]);
                boolean post = route.methods().equals(List.of("POST"));
                HttpResponse<String> response = post ? browser.submit(base + "/" + TARGET + "/", base + concrete, Map.of(
                        "action", "VALIDER", "frais", "1")) : browser.get(base + concrete);
                calls.add((post ? "POST " : "GET ") + concrete + " -> " + response.statusCode());
                if (response.statusCode() != 403) {
                    problems.add((post ? "POST " : "GET ") + concrete + " answered " + response.statusCode()
                            + " to a chef d'établissement");
                }
                continue;
            }
            // :session is a session whose centre is another establishment, holding that centre's ICC (the centre's
            // routes take the uai from the caller: 404); the office's routes naming that centre refuse the chef (403).
            if (path.startsWith(INDEMNITES + ":session") || path.startsWith(INDEMNITES_OFFICE + ":uai")) {
                boolean office = path.startsWith(INDEMNITES_OFFICE);
                String concrete = path.replace(":tenant", TARGET).replace(":uai", foreignIcc[1]).replace(":session", foreignIcc[0])
                        .replace(":periode", "normale");
                boolean post = route.methods().equals(List.of("POST"));
                HttpResponse<String> response = post ? browser.submit(base + "/" + TARGET + "/", base + concrete, Map.of(
                        "premierJour", "01/06/2001", "jours-JUSQUA_600", "1")) : browser.get(base + concrete);
                calls.add((post ? "POST " : "GET ") + concrete + " -> " + response.statusCode());
                boolean refused = office ? response.statusCode() == 403
                        : response.statusCode() == 403 || response.statusCode() == 404;
                if (!refused || response.body().contains("4321")) {
                    problems.add((post ? "POST " : "GET ") + concrete + " answered " + response.statusCode()
                            + " for an ICC of a centre other than " + uai);
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
        assertThat(calls).as("routes naming a record").isNotEmpty()
                .anyMatch(c -> c.startsWith("POST /" + TARGET + "/convocations/" + foreignMission[0] + "/nouvelle "))
                .anyMatch(c -> c.startsWith("POST /" + TARGET + "/service-fait/" + foreignMission[0] + " "))
                .anyMatch(c -> c.startsWith("POST /" + TARGET + "/service-fait/" + foreignMission[0] + "/" + foreignMission[2] + "/horaires "))
                .anyMatch(c -> c.startsWith("POST /" + TARGET + "/administration/service-fait/" + foreignMission[0] + " "))
                .anyMatch(c -> c.startsWith("POST /" + TARGET + "/administration/missions/" + foreignMission[0] + " "))
                .anyMatch(c -> c.startsWith("POST /" + TARGET + "/administration/affectation/sessions/" + foreignMission[3] + "/lancer "))
                .anyMatch(c -> c.startsWith("POST /" + TARGET + "/administration/missions/" + foreignMission[0] + "/convoquer "))
                .anyMatch(c -> c.startsWith("POST /" + TARGET + "/administration/missions/" + foreignMission[0] + "/retirer "))
                .anyMatch(c -> c.startsWith("POST /" + TARGET + "/indemnites/" + foreignIcc[0] + "/normale/transmettre "))
                .anyMatch(c -> c.startsWith("POST /" + TARGET + "/administration/indemnites/" + foreignIcc[1] + "/" + foreignIcc[0]
                        + "/normale/rouvrir "));
        assertThat(problems).isEmpty();
        assertThat(icc(foreignIcc[2])).as("the other centre's ICC is unchanged").isEqualTo(iccBefore);
        assertThat(constat(foreignMission[2])).as("no constat recorded on another centre's mission").isEqualTo(constatBefore);
        assertThat(officeMissionState(foreignMission[0])).as("the office's mission, its designation and convocations unchanged")
                .isEqualTo(missionBefore);
    }

    /** A person the office designated (statut AFFECTEE) on Rennes mission {@code mission}, made for this test: its id. */
    private static String designation(String mission) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", ""); java.sql.Statement st = conn.createStatement()) {
            st.execute("""
                    insert into t_rennes.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, mail_pro)
                    values ('ZZMAT-DESIGNE', 'Mme', 'ZZMATRICE-DESIGNEE', 'Anne', date '1970-01-01', 'LETTRES', 'anne@ac-rennes.fr')""");
            return String.valueOf(single(st, """
                    insert into t_rennes.affectation (mission_id, personnel_id, qualite, statut, auteur)
                    select %s, id, 'Examinateur', 'AFFECTEE', 'ACADEMIE' from t_rennes.personnel where numen = 'ZZMAT-DESIGNE'
                    returning id""".formatted(mission)));
        }
    }

    /** What the office's mission routes could change: the mission, its affectations and créneaux, mails, SANTORIN, audit. */
    private static String officeMissionState(String mission) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", ""); java.sql.Statement st = conn.createStatement()) {
            return text(st, """
                    select concat_ws(' | ',
                        (select concat_ws(',', m.date_debut, m.date_fin, m.observation, m.observation_convocation,
                                          m.convocation_etablissement) from t_rennes.mission m where m.id = %1$s),
                        (select string_agg(concat_ws(',', a.id, a.statut, a.observation, a.convoquee_le,
                                           (select count(*) from t_rennes.affectation_creneau k where k.affectation_id = a.id)),
                                           ';' order by a.id) from t_rennes.affectation a where a.mission_id = %1$s),
                        (select count(*) from t_rennes.mail_outbox), (select count(*) from t_rennes.santorin_envoi),
                        (select count(*) from platform.audit where tenant_code = 'rennes'))""".formatted(mission));
        }
    }

    /**
     * "Convocation par mission" as the Rennes exam centre itself: a mission is reachable only if it
     * is held in the centre and open to its convocations, and an affectation only if the centre
     * authored it on that mission. Every route naming a mission (read from the router, so a new one
     * is walked too) is called, GET or POST with a valid CSRF token and a plausible form, for
     * another centre's mission, a Toulouse mission's id, the centre's mission not open to it, and on
     * the open mission for the office's convocation and another mission's: each answers 404 and
     * nothing changes. A collège (no exam centre) is refused every route by the activity guard, and
     * a POST without or with a forged CSRF token is refused before anything is read.
     */
    @Test
    void convocationRoutesReachOnlyTheCentresOwnOpenMissionsAndConvocations() throws SQLException {
        DemoAccount chef = platform.demoAccounts().stream()
                .filter(a -> TARGET.equals(a.tenantCode()) && a.login().startsWith("ce.0")).findFirst().orElseThrow();
        String uai = chef.uais().get(0);
        ConvocationFixture f = convocationFixture(uai);
        List<Platform.RouteEntry> routes = platform.routes().stream()
                .filter(r -> r.path().startsWith(CONVOCATIONS) && !r.path().endsWith("/*")).toList();
        assertThat(routes).as("convocation routes").anySatisfy(r -> assertThat(r.path()).contains(":affectation"));

        List<String> calls = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Browser centre = new Browser();
        assertThat(centre.login(base, TARGET, chef.login(), "imagin-demo").statusCode()).isEqualTo(302);
        try {
            // The open mission and the centre's own convocation are reachable: the 404s below are not vacuous.
            HttpResponse<String> detail = centre.get(base + "/" + TARGET + "/convocations/" + f.open());
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat(detail.body()).contains("ZZMAT-OUVERTE", "ZZMATRICE-CENTRE", "ZZMATRICE-BUREAU");
            assertThat(centre.download(base + "/" + TARGET + "/convocations/" + f.open() + "/" + f.own() + "/convocation.pdf")
                    .headers().firstValue("content-type")).hasValue("application/pdf");
            assertThat(centre.get(base + "/" + TARGET + "/convocations/" + f.open() + "/" + f.own() + "/modifier").statusCode())
                    .isEqualTo(200);

            String before = convocationState();
            List<String[]> cases = new ArrayList<>(List.of(
                    new String[]{"another centre's mission", f.otherCentre(), f.otherCentreAffectation()},
                    new String[]{"a mission of Toulouse", f.toulouse(), f.toulouseAffectation()},
                    new String[]{"a mission not open to the centre's convocations", f.closed(), f.closedAffectation()}));
            for (Platform.RouteEntry route : routes) {
                if (!route.path().contains(":mission")) {
                    continue;
                }
                List<String[]> routeCases = new ArrayList<>(cases);
                if (route.path().contains(":affectation")) {
                    routeCases.add(new String[]{"the office's convocation", f.open(), f.office()});
                    routeCases.add(new String[]{"another mission's convocation", f.open(), f.closedAffectation()});
                }
                for (String method : route.methods().isEmpty() ? List.of("GET", "POST") : route.methods()) {
                    for (String[] c : routeCases) {
                        String concrete = route.path().replace(":tenant", TARGET).replace(":mission", c[1])
                                .replace(":affectation", c[2]);
                        HttpResponse<String> response = method.equals("GET")
                                ? centre.get(base + concrete + (concrete.endsWith("/intervenants") ? "?nom=zzmatrice" : ""))
                                : centre.submit(base + "/" + TARGET + "/", base + concrete, f.form(c[2]));
                        calls.add(method + " " + concrete + " (" + c[0] + ") -> " + response.statusCode());
                        if (response.statusCode() != 404 || response.body().contains("ZZMATRICE") || response.body().contains("ZZMAT-")) {
                            problems.add(method + " " + route.path() + " for " + c[0] + " answered " + response.statusCode());
                        }
                    }
                }
            }
            assertThat(convocationState()).as("nothing changed by the refused calls").isEqualTo(before);

            // A forged POST: no CSRF token, or one of another session, is refused and changes nothing.
            String supprimer = base + "/" + TARGET + "/convocations/" + f.open() + "/" + f.own() + "/supprimer";
            String nouvelle = base + "/" + TARGET + "/convocations/" + f.open() + "/nouvelle";
            String mel = base + "/" + TARGET + "/convocations/" + f.open() + "/mel";
            for (String url : List.of(supprimer, nouvelle, mel)) {
                for (Map<String, String> forged : List.of(f.form(f.own()), withToken(f.form(f.own()), TOKENS.get("gestionnaire d'une autre académie")))) {
                    int status = centre.post(url, forged).statusCode();
                    calls.add("POST " + url.substring(base.length()) + " forged -> " + status);
                    if (status != 403) {
                        problems.add("forged POST " + url.substring(base.length()) + " answered " + status);
                    }
                }
            }
            assertThat(convocationState()).as("nothing changed by the forged posts").isEqualTo(before);
        } finally {
            centre.submit(base + "/" + TARGET + "/", base + "/" + TARGET + "/quitter", Map.of());
        }

        // An establishment that is not an exam centre: the activity guard refuses every route.
        Browser college = new Browser();
        assertThat(college.login(base, TARGET, f.collegeLogin(), "imagin-demo").statusCode()).isEqualTo(302);
        try {
            for (Platform.RouteEntry route : routes) {
                for (String method : route.methods().isEmpty() ? List.of("GET", "POST") : route.methods()) {
                    String concrete = route.path().replace(":tenant", TARGET).replace(":mission", f.open())
                            .replace(":affectation", f.own());
                    HttpResponse<String> response = method.equals("GET") ? college.get(base + concrete)
                            : college.submit(base + "/" + TARGET + "/", base + concrete, f.form(f.own()));
                    calls.add(method + " " + concrete + " (collège) -> " + response.statusCode());
                    if (response.statusCode() != 403 || !response.body().contains("réservée aux établissements centres d")) {
                        problems.add(method + " " + route.path() + " as a collège answered " + response.statusCode());
                    }
                }
            }
        } finally {
            college.submit(base + "/" + TARGET + "/", base + "/" + TARGET + "/quitter", Map.of());
        }
        System.out.println("Convocation par mission: " + calls.size() + " calls\n  " + String.join("\n  ", calls));
        assertThat(problems).isEmpty();
        assertThat(convocationState()).contains("CONVOQUEE_PAR_CENTRE");
    }

    private static Map<String, String> withToken(Map<String, String> form, String token) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("X-XSRF-TOKEN", token);
        return all;
    }

    /**
     * Missions of the Rennes centre {@code uai} and elsewhere, ids as path values: {@code open} is
     * held there and targeted for its convocations, with the centre's convocation {@code own} and
     * the office's {@code office}; {@code closed} is held there, not open, with a centre-authored
     * one; {@code otherCentre} is open but held in another centre; {@code toulouse} is an open
     * mission of Toulouse whose id no Rennes mission has. {@code day} is a day of every mission.
     */
    private record ConvocationFixture(String open, String own, String office, String closed, String closedAffectation,
                                      String otherCentre, String otherCentreAffectation, String toulouse,
                                      String toulouseAffectation, String person, String day, String collegeLogin) {
        Map<String, String> form(String affectation) {
            return Map.of("personnel", person, "qualite", "Examinateur", "jour", day, "debut-" + day, "08:00",
                    "fin-" + day, "10:00", "observation", "Matrice", "surMission", "non", "confirmer", "1",
                    "affectations", affectation);
        }
    }

    private static ConvocationFixture convocationFixture(String uai) throws SQLException {
        int year = java.time.LocalDate.now().getYear() + 1;
        String day = year + "-06-21";
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", ""); java.sql.Statement st = conn.createStatement()) {
            assertThat(single(st, "select count(*) from t_rennes.etablissement where centre_examen and uai = '" + uai + "'"))
                    .as(uai + " is an exam centre").isEqualTo(1);
            String other = text(st, "select uai from t_rennes.etablissement where uai <> '" + uai + "' order by uai limit 1");
            st.execute("""
                    insert into t_rennes.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, mail_pro)
                    values ('ZZMAT-1', 'Mme', 'ZZMATRICE-CENTRE', 'Inès', date '1970-01-01', 'LETTRES', 'ines@ac-rennes.fr'),
                           ('ZZMAT-2', 'M.', 'ZZMATRICE-BUREAU', 'Paul', date '1970-01-01', 'LETTRES', 'paul@ac-rennes.fr'),
                           ('ZZMAT-3', 'M.', 'ZZMATRICE-LIBRE', 'Yann', date '1970-01-01', 'LETTRES', 'yann@ac-rennes.fr')""");
            st.execute("""
                    insert into t_rennes.mission (numero, type_code, session_id, centre_uai, date_debut, date_fin, convocation_etablissement)
                    select n, t, (select id from t_rennes.session_examen where annee = %d order by id limit 1), c, date '%s', date '%s', o
                    from (values ('ZZMAT-OUVERTE', 'ORAL', '%s', true), ('ZZMAT-FERMEE', 'CORR', '%s', false),
                                 ('ZZMAT-AUTRE', 'ORAL', '%s', true)) v(n, t, c, o)""".formatted(year, day, day, uai, uai, other));
            long open = single(st, "select id from t_rennes.mission where numero = 'ZZMAT-OUVERTE'");
            long closed = single(st, "select id from t_rennes.mission where numero = 'ZZMAT-FERMEE'");
            long otherCentre = single(st, "select id from t_rennes.mission where numero = 'ZZMAT-AUTRE'");
            long own = affectation(st, "t_rennes", open, "ZZMAT-1", "CONVOQUEE_PAR_CENTRE", "CENTRE", day);
            long office = affectation(st, "t_rennes", open, "ZZMAT-2", "CONVOQUEE", "ACADEMIE", day);
            long closedAffectation = affectation(st, "t_rennes", closed, "ZZMAT-1", "CONVOQUEE_PAR_CENTRE", "CENTRE", day);
            long otherAffectation = affectation(st, "t_rennes", otherCentre, "ZZMAT-1", "CONVOQUEE_PAR_CENTRE", "CENTRE", day);
            // Ids above every Rennes one: the id names nothing in Rennes.
            long id = single(st, "select greatest((select max(id) from t_rennes.mission), (select max(id) from t_toulouse.mission),"
                    + " (select max(id) from t_rennes.affectation), (select max(id) from t_toulouse.affectation)) + 1000");
            st.execute("""
                    insert into t_toulouse.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste, mail_pro)
                    values ('ZZMAT-T', 'Mme', 'ZZMATRICE-TOULOUSE', 'Léa', date '1970-01-01', 'LETTRES', 'lea@ac-toulouse.fr')""");
            st.execute("""
                    insert into t_toulouse.mission (id, numero, type_code, session_id, centre_uai, date_debut, date_fin, convocation_etablissement)
                    values (%d, 'ZZMAT-TOULOUSE', 'ORAL', (select id from t_toulouse.session_examen where annee = %d order by id limit 1),
                            '0310038Y', date '%s', date '%s', true)""".formatted(id, year, day, day));
            st.execute("""
                    insert into t_toulouse.affectation (id, mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                    select %d, %d, p.id, 'Examinateur', 'CONVOQUEE_PAR_CENTRE', 'CENTRE', now() from t_toulouse.personnel p
                    where p.numen = 'ZZMAT-T'""".formatted(id + 1, id));
            long person = single(st, "select id from t_rennes.personnel where numen = 'ZZMAT-3'");
            String college = text(st, """
                    select uai from t_rennes.etablissement where not centre_examen and uai in (%s) order by uai limit 1"""
                    .formatted(platform.demoAccounts().stream().filter(a -> TARGET.equals(a.tenantCode()) && a.uais().size() == 1)
                            .map(a -> "'" + a.uais().get(0) + "'").collect(java.util.stream.Collectors.joining(", "))));
            String collegeLogin = platform.demoAccounts().stream()
                    .filter(a -> TARGET.equals(a.tenantCode()) && a.uais().equals(List.of(college))).findFirst().orElseThrow().login();
            return new ConvocationFixture(String.valueOf(open), String.valueOf(own), String.valueOf(office), String.valueOf(closed),
                    String.valueOf(closedAffectation), String.valueOf(otherCentre), String.valueOf(otherAffectation),
                    String.valueOf(id), String.valueOf(id + 1), String.valueOf(person), day, collegeLogin);
        }
    }

    private static long affectation(java.sql.Statement st, String schema, long mission, String numen, String statut, String auteur,
                                    String day) throws SQLException {
        long id = single(st, """
                insert into %1$s.affectation (mission_id, personnel_id, qualite, statut, auteur, convoquee_le)
                select %2$d, id, 'Examinateur', '%3$s', '%4$s', now() from %1$s.personnel where numen = '%5$s' returning id"""
                .formatted(schema, mission, statut, auteur, numen));
        st.execute("insert into %s.affectation_creneau (affectation_id, jour, heure_debut, heure_fin) values (%d, date '%s', '09:00', '12:00')"
                .formatted(schema, id, day));
        return id;
    }

    /**
     * What a convocation call could change, in both académies: the test missions' affectations and
     * créneaux, the missions' kept dates and observation, the queued mails, the audit entries.
     */
    private static String convocationState() throws SQLException {
        StringBuilder state = new StringBuilder();
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", ""); java.sql.Statement st = conn.createStatement()) {
            for (String schema : List.of("t_rennes", "t_toulouse")) {
                state.append(text(st, """
                        select coalesce(string_agg(x, ' | ' order by x), '') from (
                          select concat_ws(',', 'affectation', a.id, a.mission_id, a.personnel_id, a.statut, a.auteur, a.qualite,
                                           a.observation, a.convoquee_le) as x
                          from %1$s.affectation a join %1$s.mission m on m.id = a.mission_id where m.numero like 'ZZMAT-%%'
                          union all
                          select concat_ws(',', 'creneau', k.affectation_id, k.jour, k.heure_debut, k.heure_fin)
                          from %1$s.affectation_creneau k join %1$s.affectation a on a.id = k.affectation_id
                          join %1$s.mission m on m.id = a.mission_id where m.numero like 'ZZMAT-%%'
                          union all
                          select concat_ws(',', 'mission', m.id, m.observation_convocation,
                                           (select count(*) from %1$s.mission_creneau_convocation c where c.mission_id = m.id))
                          from %1$s.mission m where m.numero like 'ZZMAT-%%'
                          union all select 'mails,' || count(*) from %1$s.mail_outbox
                          union all select 'audit,' || count(*) from %1$s.audit) s""".formatted(schema))).append('\n');
            }
            state.append(text(st, "select 'platform audit,' || count(*) from platform.audit where action like 'CONVOCATION%'"));
        }
        return state.toString();
    }

    private static long single(java.sql.Statement st, String sql) throws SQLException {
        try (ResultSet rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String text(java.sql.Statement st, String sql) throws SQLException {
        try (ResultSet rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
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

    /** The constat de service fait of a Rennes affectation and its expense, as text ("" when none). */
    private static String constat(String affectation) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement query = conn.prepareStatement(
                     "select coalesce((select sf.fait || ':' || coalesce(sf.nb_copies, -1) || ':' || sf.saisi_par"
                             + " from t_rennes.service_fait sf where sf.affectation_id = ?), '')"
                             + " || '/' || coalesce((select f.statut from t_rennes.frais f where f.affectation_id = ?), '')")) {
            query.setLong(1, Long.parseLong(affectation));
            query.setLong(2, Long.parseLong(affectation));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /**
     * A BAC session of 2001 whose only centre is another exam centre than {@code uai}, with that
     * centre's saisie of 4321,00 €: session id, the centre's uai, the saisie's id.
     */
    private static String[] foreignIcc(String uai) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", "");
             java.sql.Statement st = conn.createStatement()) {
            st.execute("set search_path = t_rennes");
            st.execute("insert into session_examen (examen_code, annee, libelle) values ('470', 2001, 'ZZ MATRICE') on conflict do nothing");
            try (ResultSet rows = st.executeQuery("""
                    select se.id, e.uai, (select id from epreuve_option order by id limit 1)
                    from session_examen se, etablissement e
                    where se.examen_code = '470' and se.annee = 2001 and e.centre_examen and e.uai <> '%s' order by e.uai limit 1"""
                    .formatted(uai))) {
                rows.next();
                String session = String.valueOf(rows.getLong(1));
                String centre = rows.getString(2);
                long epreuve = rows.getLong(3);
                st.execute("""
                        insert into mission (numero, type_code, session_id, epreuve_option_id, centre_uai, date_debut, date_fin)
                        values ('ZZ-MATRICE-ICC', 'SURV', %s, %d, '%s', date '2001-06-15', date '2001-06-15')
                        on conflict (numero) do nothing""".formatted(session, epreuve, centre));
                st.execute("""
                        insert into icc_saisie (uai, session_id, periode, premier_jour, montant_global)
                        values ('%s', %s, 'NORMALE', date '2001-06-15', 4321.00) on conflict do nothing""".formatted(centre, session));
                try (ResultSet saisie = st.executeQuery("select id from icc_saisie where uai = '" + centre + "' and session_id = " + session)) {
                    saisie.next();
                    return new String[]{session, centre, String.valueOf(saisie.getLong(1))};
                }
            }
        }
    }

    private static String icc(String saisie) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement query = conn.prepareStatement("select s.statut || ':' || s.montant_global || ':' || s.updated_at"
                     + " || ':' || (select count(*) from t_rennes.icc_jours j where j.saisie_id = s.id)"
                     + " from t_rennes.icc_saisie s where s.id = ?")) {
            query.setLong(1, Long.parseLong(saisie));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** Id, number and a convened affectation of a mission held in another centre than {@code uai}. */
    private static String[] foreignMission(String uai) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement query = conn.prepareStatement(
                     "select m.id, m.numero, a.id, m.session_id from t_rennes.mission m"
                             + " join t_rennes.affectation a on a.mission_id = m.id and a.statut <> 'AFFECTEE'"
                             + " where m.centre_uai <> ? order by m.id, a.id limit 1")) {
            query.setString(1, uai);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new String[]{String.valueOf(rows.getLong(1)), rows.getString(2), String.valueOf(rows.getLong(3)),
                        String.valueOf(rows.getLong(4))};
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
