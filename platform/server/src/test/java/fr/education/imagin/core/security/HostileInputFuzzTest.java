package fr.education.imagin.core.security;

import fr.education.imagin.Platform;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.TestPlatform;
import fr.education.imagin.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #10, "What to build": walks every route of the router table and sends generated hostile
 * values (overflowing and negative numbers, control characters, 10 KB strings, malformed
 * percent-encoding, wrong UTF-8, duplicated and missing parameters) to every path parameter, to
 * the list parameters and to the fields of the forms each page draws, signed in as a centre
 * d'examen's chef d'établissement and as a gestionnaire of Toulouse. No answer may be a 5xx or
 * show a stack trace or SQL, GET requests write nothing, and a refused POST (4xx) writes nothing.
 *
 * <p>Routes and form fields are read at run time, so a route added later is covered without
 * editing this test. Values are drawn from a fixed seed: a failure is reproduced by running
 * again. Requests go through a raw socket so malformed encodings reach the server untouched
 * (Java's URI refuses them). The test has its own platform: accepted fuzzed POSTs may change
 * demo rows other classes of the shared platform rely on.
 */
class HostileInputFuzzTest {

    private static final long SEED = 10L;
    /** Hostile values tried per parameter, drawn from {@link #VALUES}. */
    private static final int VALUES_PER_PARAMETER = 3;
    private static final String TENANT = "toulouse";
    private static final Pattern CSRF = Pattern.compile("name=\"X-XSRF-TOKEN\" value=\"([^\"]*)\"");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bname=\"([^\"]+)\"");
    /** What must never reach a user: a Java stack trace, an exception's name, PostgreSQL's words. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-zA-Z.$]+\\(|\\bSQLSTATE\\b|syntax error at or near|violates [a-z ]*constraint"
                    + "|\\bpgclient\\b|io\\.vertx\\.|freemarker\\.core|FreeMarker template error");
    /** The list parameters (core.list) and the keyword's usual names, tried on every GET route. */
    private static final List<String> LIST_PARAMETERS = List.of("page", "tri", "sens", "q", "motcle");
    /** Never fuzzed: it would end the session the rest of the walk needs. */
    private static final Set<String> SKIPPED = Set.of("POST /:tenant/quitter");
    /** Replaced when sent by the session's current CSRF token (a refused form may renew it). */
    private static final String TOKEN = "__csrf__";
    private static final Set<String> NOT_FIELDS = Set.of("X-XSRF-TOKEN");

    /** A hostile value, already percent-encoded as it goes on the wire, and what kind it is. */
    record Hostile(String kind, String raw) {
    }

    private static final List<Hostile> VALUES = List.of(
            new Hostile("overflow", "21474838"),
            new Hostile("overflow", "2147483648"),
            new Hostile("overflow", "99999999999999999999"),
            new Hostile("negative", "-1"),
            new Hostile("negative", "-2147483649"),
            new Hostile("zero", "0"),
            new Hostile("not-a-number", "1e309"),
            new Hostile("not-a-number", "NaN"),
            new Hostile("nul", "a%00b"),
            new Hostile("control", "%01%02%1B%7F%C2%85"),
            new Hostile("control", "ligne%0D%0ASet-Cookie:%20x=1"),
            new Hostile("huge", "A".repeat(10_240)),
            new Hostile("huge", "%C3%A9".repeat(4_000)),
            new Hostile("malformed-percent", "%"),
            new Hostile("malformed-percent", "%zz%4"),
            new Hostile("wrong-utf8", "%E9t%E9"),
            new Hostile("wrong-utf8", "%C3%28%F0%28%8C%BC%ED%A0%80"),
            new Hostile("empty", ""),
            new Hostile("injection", "'%3B%20select%20pg_sleep(0)--"),
            new Hostile("injection", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
            new Hostile("path", "..%2F..%2Fetc%2Fpasswd"),
            new Hostile("date", "0000-00-00"),
            new Hostile("date", "9999-99-99"));

    /** How the calls were answered, printed so a walk that only met the login page shows as such. */
    private static final Map<String, Integer> STATUSES = new java.util.TreeMap<>();
    private static Platform platform;
    private static String jdbcUrl;
    private static int port;
    private static final Map<String, Caller> CALLERS = new LinkedHashMap<>();

    private record Caller(String login, Browser browser, String cookie, String token) {
    }

    @BeforeAll
    static void start() {
        jdbcUrl = TestPostgres.newDatabase();
        platform = TestPlatform.start(TestPlatform.settings(jdbcUrl));
        port = URI.create(TestPlatform.baseUrl(platform)).getPort();
        signIn("centre d'examen", "ce.0310038y");
        signIn("gestionnaire", "gest.toulouse");
    }

    private static void signIn(String who, String login) {
        String base = TestPlatform.baseUrl(platform);
        Browser browser = new Browser();
        assertThat(browser.login(base, TENANT, login, "imagin-demo").statusCode()).as(who).isEqualTo(302);
        Matcher token = CSRF.matcher(browser.get(base + "/" + TENANT + "/").body());
        assertThat(token.find()).as("CSRF token of " + who).isTrue();
        CALLERS.put(who, new Caller(login, browser, browser.cookieHeader(), token.group(1)));
    }

    @AfterAll
    static void stop() {
        try {
            // One session per establishment (SH-10).
            CALLERS.values().forEach(c -> c.browser().quit(TestPlatform.baseUrl(platform), TENANT));
        } finally {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException ignored) {
                // the platform's embedded database goes with it
            }
            platform.close();
        }
    }

    @Test
    void everyRouteWithstandsHostileValues() throws SQLException {
        Random random = new Random(SEED);
        long started = System.nanoTime();
        Map<Caller, List<Request>> gets = new LinkedHashMap<>();
        Map<Caller, List<Request>> posts = new LinkedHashMap<>();
        for (Caller caller : CALLERS.values()) {
            for (Platform.RouteEntry route : platform.routes()) {
                if (!route.path().startsWith("/:tenant/") || route.path().endsWith("/*")) {
                    continue; // pass-through steps (tenant, session, CSRF, policy) are exercised by every call
                }
                for (String method : route.methods().isEmpty() ? List.of("GET", "POST") : route.methods()) {
                    if (!SKIPPED.contains(method + " " + route.path())) {
                        (method.equals("GET") ? gets : posts).computeIfAbsent(caller, c -> new ArrayList<>())
                                .addAll(requests(random, caller, method, route.path()));
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        int calls = 0;
        // GET requests only read: the row counts are the same after all of them.
        Map<String, Long> beforeGets = fingerprint();
        for (Map.Entry<Caller, List<Request>> each : gets.entrySet()) {
            for (Request request : each.getValue()) {
                check(each.getKey(), request, send(each.getKey(), request), problems);
                calls++;
            }
        }
        Map<String, Long> afterGets = fingerprint();
        if (!afterGets.equals(beforeGets)) {
            problems.add("fuzzed GET requests wrote: " + beforeGets + " -> " + afterGets);
        }
        // A refused POST (4xx) writes nothing.
        for (Map.Entry<Caller, List<Request>> each : posts.entrySet()) {
            for (Request request : each.getValue()) {
                Map<String, Long> before = fingerprint();
                Matcher token = CSRF.matcher(send(each.getKey(), new Request("page", "GET", "/" + TENANT + "/", null)).body());
                assertThat(token.find()).as("CSRF token of " + each.getKey().login()).isTrue();
                Answer answer = send(each.getKey(), new Request(request.kind(), request.method(), request.target(),
                        request.body().replace(TOKEN, enc(token.group(1)))));
                calls++;
                if (check(each.getKey(), request, answer, problems) && answer.status() >= 400 && !before.equals(fingerprint())) {
                    problems.add(request.describe(each.getKey()) + " was refused (" + answer.status() + ") but wrote");
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("Hostile input fuzz: " + calls + " calls in " + seconds + " s, " + problems.size() + " problems, answers " + STATUSES + "\n  "
                + String.join("\n  ", problems));
        assertThat(calls).as("fuzzed calls").isGreaterThan(500);
        assertThat(STATUSES.getOrDefault("GET 200", 0)).as("GET requests the pages answered (the sessions stayed open)")
                .isGreaterThan(calls / 10);
        assertThat(problems).isEmpty();
    }

    /** No 5xx, no broken answer, no stack trace or SQL in the body: false (and a problem noted) otherwise. */
    private static boolean check(Caller caller, Request request, Answer answer, List<String> problems) {
        STATUSES.merge(request.method() + " " + answer.status(), 1, Integer::sum);
        if (answer.status() >= 500 || answer.status() < 100) {
            problems.add(request.describe(caller) + " answered " + answer.status());
            return false;
        }
        Matcher leak = LEAK.matcher(answer.body());
        if (leak.find()) {
            problems.add(request.describe(caller) + " shows \"" + leak.group() + "\"");
            return false;
        }
        return true;
    }

    /** One fuzzed request: its target (path and query, already encoded), its form body or null. */
    record Request(String kind, String method, String target, String body) {
        String describe(Caller caller) {
            return method + " [" + kind + "] as " + caller.login() + ": " + shortTarget();
        }

        String shortTarget() {
            String shown = target + (body == null ? "" : " body " + body);
            return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
        }
    }

    /** The fuzzed requests of one route: each parameter in turn takes hostile values, the others a plain one. */
    private static List<Request> requests(Random random, Caller caller, String method, String path) {
        List<Request> requests = new ArrayList<>();
        List<String> pathParameters = new ArrayList<>();
        Matcher names = Pattern.compile(":([A-Za-z]+)").matcher(path.substring("/:tenant".length()));
        while (names.find()) {
            pathParameters.add(names.group(1));
        }
        String plainPath = concrete(path, null, null);
        for (String parameter : pathParameters) {
            for (Hostile value : draw(random)) {
                requests.add(request(value.kind() + " in :" + parameter, method, concrete(path, parameter, value.raw()), "", caller, ""));
            }
        }
        Set<String> fields = new LinkedHashSet<>(method.equals("GET") ? LIST_PARAMETERS : List.of());
        fields.addAll(formFields(caller, method, path, plainPath));
        if (method.equals("GET") && !pathParameters.isEmpty()) {
            fields.clear(); // a record's page: its path parameters are the input; keep the walk bounded
        }
        for (String field : fields) {
            for (Hostile value : draw(random)) {
                String others = fields.stream().filter(f -> !f.equals(field)).map(f -> enc(f) + "=1")
                        .reduce((a, b) -> a + "&" + b).orElse("");
                String pair = enc(field) + "=" + value.raw();
                String params = others.isEmpty() ? pair : pair + "&" + others;
                requests.add(request(value.kind() + " in " + field, method, plainPath, params, caller, ""));
            }
            // Duplicated parameter, with two conflicting values.
            requests.add(request("duplicated " + field, method, plainPath, enc(field) + "=1&" + enc(field) + "=-5", caller, ""));
        }
        // Missing parameters: nothing but the CSRF token.
        requests.add(request("missing parameters", method, plainPath, "", caller, ""));
        return requests;
    }

    private static Request request(String kind, String method, String path, String params, Caller caller, String unused) {
        if (method.equals("GET")) {
            return new Request(kind, method, params.isEmpty() ? path : path + "?" + params, null);
        }
        String token = "X-XSRF-TOKEN=" + TOKEN;
        return new Request(kind, method, path, params.isEmpty() ? token : params + "&" + token);
    }

    private static List<Hostile> draw(Random random) {
        List<Hostile> all = new ArrayList<>(VALUES);
        java.util.Collections.shuffle(all, random);
        return all.subList(0, VALUES_PER_PARAMETER);
    }

    /**
     * The names of the fields of the forms the route's page draws (a POST's page is its own path
     * or its parent's), so form fields added to a screen later are fuzzed too: for a GET, the
     * fields of the page's GET forms (search, filters); for a POST, those of the forms posting to it.
     */
    private static Set<String> formFields(Caller caller, String method, String path, String plainPath) {
        Set<String> fields = new LinkedHashSet<>();
        List<String> pages = new ArrayList<>();
        pages.add(plainPath);
        if (method.equals("POST")) {
            int slash = plainPath.lastIndexOf('/', plainPath.length() - 2);
            if (slash > 0) {
                pages.add(plainPath.substring(0, slash + 1));
                pages.add(plainPath.substring(0, slash));
            }
        }
        for (String page : pages) {
            Answer answer = send(caller, new Request("page", "GET", page, null));
            if (answer.status() != 200) {
                continue;
            }
            Matcher form = FORM.matcher(answer.body());
            while (form.find()) {
                String attributes = form.group(1).toLowerCase(Locale.ROOT);
                boolean post = attributes.contains("method=\"post\"");
                boolean ours = method.equals("POST") ? post && form.group(1).contains("action=\"" + plainPath + "\"") : !post;
                if (!ours) {
                    continue;
                }
                Matcher field = FIELD.matcher(form.group(2));
                while (field.find()) {
                    if (!NOT_FIELDS.contains(field.group(1))) {
                        fields.add(field.group(1));
                    }
                }
            }
            break;
        }
        return fields;
    }

    /** The route's path with :tenant set and every parameter 1, except {@code hostile} which takes {@code value}. */
    private static String concrete(String path, String hostile, String value) {
        Matcher parameter = Pattern.compile(":([A-Za-z]+)").matcher(path.substring("/:tenant".length()));
        StringBuilder out = new StringBuilder("/" + TENANT);
        while (parameter.find()) {
            parameter.appendReplacement(out, Matcher.quoteReplacement(parameter.group(1).equals(hostile) ? value : "1"));
        }
        parameter.appendTail(out);
        return out.toString();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    record Answer(int status, String body) {
    }

    /** Sends the request as written, byte for byte, over HTTP/1.1 with the caller's session cookie. */
    private static Answer send(Caller caller, Request request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder()
                    .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Cookie: ").append(caller.cookie()).append("\r\n")
                    .append("Connection: close\r\n");
            byte[] body = request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.ISO_8859_1);
            if (request.body() != null) {
                head.append("Content-Type: application/x-www-form-urlencoded\r\n")
                        .append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = -1;
            if (text.matches("(?s)HTTP/1\\.[01] \\d{3}.*")) {
                status = Integer.parseInt(text.substring(9, 12));
            }
            int end = text.indexOf("\r\n\r\n");
            return new Answer(status, end < 0 ? "" : text.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException("request " + request.shortTarget(), e);
        }
    }

    private static Connection connection;

    private static Connection database() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        }
        return connection;
    }

    /** Row count of every table of the académie's schema and of the platform's tables that tenants write. */
    private static Map<String, Long> fingerprint() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = database().createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "select table_schema || '.' || table_name from information_schema.tables "
                            + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') "
                            + "order by 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                String lower = table.toLowerCase(Locale.ROOT);
                if (lower.contains("session") || lower.contains("audit") || lower.contains("flyway")
                        || lower.contains("preference") || lower.contains("throttl") || lower.contains("login")) {
                    continue; // written by every request or every sign-in, on purpose
                }
                String[] parts = table.split("\\.", 2);
                try (ResultSet count = statement.executeQuery(
                        "select count(*) from \"" + parts[0] + "\".\"" + parts[1] + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }
}
