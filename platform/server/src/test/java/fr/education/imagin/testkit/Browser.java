package fr.education.imagin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like a browser for server-side tests: keeps cookies, does not
 * follow redirects (tests assert them), and posts forms with the page's CSRF token.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"X-XSRF-TOKEN\" value=\"([^\"]*)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new LoopbackSecureCookies(cookies))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A file (CSV, PDF...) as bytes, with this browser's session. */
    public HttpResponse<byte[]> download(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Loads {@code formPageUrl}, takes its CSRF token and posts {@code fields} to {@code actionUrl}. */
    public HttpResponse<String> submit(String formPageUrl, String actionUrl, Map<String, String> fields) {
        return post(actionUrl, withToken(formPageUrl, fields));
    }

    /** {@code fields} plus the CSRF token of the form page. */
    private Map<String, String> withToken(String formPageUrl, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(formPageUrl).body());
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token.find()) {
            all.put("X-XSRF-TOKEN", token.group(1));
        }
        return all;
    }

    /** Like {@link #submit}, for a form with repeated fields (several ticked boxes): name and value pairs, in order. */
    public HttpResponse<String> submitPairs(String formPageUrl, String actionUrl, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        withToken(formPageUrl, Map.of()).forEach((name, value) -> all.add(Map.entry(name, value)));
        String form = all.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(actionUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpResponse<String> post(String url, Map<String, String> fields) {
        return send(formPost(url, fields));
    }

    /** Like {@link #submit}, for a form whose answer is a file (a PDF preview...). */
    public HttpResponse<byte[]> submitForBytes(String formPageUrl, String actionUrl, Map<String, String> fields) {
        return send(formPost(actionUrl, withToken(formPageUrl, fields)), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder formPost(String url, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    /** Signs in through the built-in login of {@code baseUrl/tenant}. */
    public HttpResponse<String> login(String baseUrl, String tenant, String login, String password) {
        String page = baseUrl + "/" + tenant + "/connexion";
        return submit(page, page, Map.of("login", login, "password", password));
    }

    /**
     * Quits the session of {@code baseUrl/tenant} with the header's button: an establishment may
     * have one open session only (SH-10), so a test class that leaves one open locks the next out.
     */
    public HttpResponse<String> quit(String baseUrl, String tenant) {
        return submit(baseUrl + "/" + tenant + "/", baseUrl + "/" + tenant + "/quitter", Map.of());
    }

    /** The session cookie's value, to replay it against another member. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    /**
     * Browsers treat http://127.0.0.1 as a secure context and send it Secure cookies (Keycloak's
     * login cookies are); Java's cookie manager does not, so the flag is dropped on loopback.
     */
    private static final class LoopbackSecureCookies extends CookieHandler {
        private final CookieManager delegate;

        LoopbackSecureCookies(CookieManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
                delegate.put(uri, responseHeaders);
                return;
            }
            Map<String, List<String>> headers = new java.util.HashMap<>();
            responseHeaders.forEach((name, values) -> headers.put(name, name != null && name.equalsIgnoreCase("set-cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
            delegate.put(uri, headers);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
