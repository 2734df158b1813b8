package fr.education.imagin.testkit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright, started
 * once per test JVM and shared; each session is a fresh browser context (own cookies, French
 * locale, Paris time). Records the page's console errors (a CSP refusal shows up there).
 *
 * <pre>{@code
 * try (BrowserSession browser = BrowserSession.open(SharedPlatform.baseUrl())) {
 *     Page page = browser.login("toulouse", "ce.0310038y");
 *     Axe.assertNoViolations(page);
 * }
 * }</pre>
 */
public final class BrowserSession implements AutoCloseable {

    public static final String DEMO_PASSWORD = "imagin-demo";
    private static final String CHROMIUM = System.getProperty("imagin.chromium", "/usr/bin/chromium");
    private static Playwright playwright;
    private static Browser browser;
    /** A launch that failed fails every later browser test at once instead of being tried again. */
    private static RuntimeException failure;

    private final String baseUrl;
    private final BrowserContext context;
    private final Page page;
    private final List<String> consoleErrors = new ArrayList<>();
    private String signedInTenant;

    private BrowserSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.context = browser().newContext(new Browser.NewContextOptions()
                .setLocale("fr-FR")
                .setTimezoneId("Europe/Paris")
                .setViewportSize(1366, 900)
                .setAcceptDownloads(true));
        // CSP refusals as the page's own violation events, which name the blocked source (file,
        // line, sample). Chromium's console line alone names none and also reports what runs in
        // isolated worlds (the test tools' scripts), which is not the page's doing.
        context.addInitScript("(function () { document.addEventListener('securitypolicyviolation', function (e) {"
                + " console.error('CSP ' + e.violatedDirective + ' refused ' + e.blockedURI + ' in ' + e.sourceFile"
                + " + ':' + e.lineNumber + ' ' + (e.sample || '') + ' on ' + describe(e.target)); });"
                + " function describe(n) { var path = []; for (; n && n.nodeType === 1 && path.length < 4; n = n.parentNode)"
                + " { path.unshift(n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className ? '.' + String(n.className).split(' ')[0] : '')); }"
                + " return path.join('>') || (n && n.nodeName); } })();");
        this.page = context.newPage();
        // Script errors and CSP refusals; failed sub-resources (a missing style, script, font...)
        // by URL. Pages answering 403 or 404 on purpose are checked by the tests themselves.
        page.onConsoleMessage(message -> {
            String text = message.text();
            if ("error".equals(message.type()) && !text.startsWith("Failed to load resource")
                    && !text.contains("violates the following Content Security Policy directive")) {
                consoleErrors.add(text);
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400 && !"document".equals(response.request().resourceType())
                    && !"fetch".equals(response.request().resourceType())) {
                consoleErrors.add(response.status() + " " + response.url());
            }
        });
    }

    public static BrowserSession open(String baseUrl) {
        return new BrowserSession(baseUrl);
    }

    private static synchronized Browser browser() {
        if (failure != null) {
            throw new IllegalStateException("Chromium did not start", failure);
        }
        if (browser == null) {
            try {
                launch();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return browser;
    }

    private static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                // Root needs --no-sandbox; no GPU on these machines; the rest keeps Chromium off a
                // network it cannot reach.
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        "--disable-dev-shm-usage")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            browser.close();
            playwright.close();
        }));
    }

    public Page page() {
        return page;
    }

    /** Opens {@code path} (e.g. {@code /toulouse/}) and waits until scripts have run. */
    public Page go(String path) {
        page.navigate(baseUrl + path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return page;
    }

    /** Signs in through the login form of {@code tenant} with the demo password. */
    public Page login(String tenant, String login) {
        go("/" + tenant + "/connexion");
        page.locator("#login").fill(login);
        page.locator("#password").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        if (!page.url().endsWith("/" + tenant + "/")) {
            throw new IllegalStateException("login of " + login + " refused: " + page.locator("main").textContent());
        }
        signedInTenant = tenant;
        return page;
    }

    /**
     * Quits the session with the header's button: an establishment may have only one open
     * session (SH-10), so a test that leaves one open would lock the next test out.
     */
    public void logout() {
        if (signedInTenant != null) {
            go("/" + signedInTenant + "/");
            Locator quit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Quitter"));
            if (quit.count() > 0) {
                quit.first().click();
                page.waitForLoadState(LoadState.NETWORKIDLE);
            }
            signedInTenant = null;
        }
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png} for reviewers. */
    public Path screenshot(String name) {
        Path file = Path.of(System.getProperty("imagin.screenshots", "target/screenshots")).resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Script errors, CSP refusals and failed sub-resources seen so far. */
    public List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    /**
     * {@link #close()}, then fails the test if the page logged a script error, a CSP refusal or a
     * failed sub-resource on the way.
     */
    public void closeExpectingCleanConsole() {
        List<String> errors = consoleErrors();
        close();
        if (!errors.isEmpty()) {
            throw new AssertionError("browser console errors (CSP, scripts): " + errors);
        }
    }

    @Override
    public void close() {
        try {
            logout();
        } finally {
            context.close();
        }
    }
}
