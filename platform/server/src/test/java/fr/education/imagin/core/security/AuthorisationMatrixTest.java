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
 * does a public route nobody declared public here.
 */
class AuthorisationMatrixTest {

    /** Routes anyone may call, on purpose. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /", "GET /health", "GET /ready", "GET /bench/fortunes",
            "GET /:tenant", "GET /:tenant/connexion", "POST /:tenant/connexion", "POST /:tenant/quitter",
            "GET /:tenant/oidc/callback");
    private static final Pattern CSRF = Pattern.compile("name=\"X-XSRF-TOKEN\" value=\"([^\"]*)\"");
    private static final String TARGET = "rennes";

    private static Platform platform;
    private static String base;
    private static final Map<String, Browser> CALLERS = new LinkedHashMap<>();
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(TestPlatform.settings(TestPostgres.newDatabase()));
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
    void everyRouteOutsideTheAcademiesIsDeclaredPublic() {
        List<String> undeclared = new ArrayList<>();
        for (Platform.RouteEntry route : platform.routes()) {
            if (route.path().startsWith("/:tenant/")) {
                continue; // behind the access policy, walked above
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
