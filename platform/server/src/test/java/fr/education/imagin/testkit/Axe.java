package fr.education.imagin.testkit;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * axe-core on the page as it is now: {@code Axe.assertNoViolations(page)} fails the test on any
 * WCAG 2.1 A or AA violation, listing rule, impact and elements. Every call also appends the
 * page and its figures to {@code target/axe-report.txt}, the per-page result reviewers read.
 */
public final class Axe {

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {
    }

    public static void assertNoViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
        List<Rule> violations = results.getViolations();
        record(page, results);
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core: " + violations.size() + " WCAG 2.1 AA violation(s) on " + page.url() + "\n"
                    + violations.stream().map(Axe::describe).collect(Collectors.joining("\n")));
        }
    }

    /**
     * axe-core's probes touch elements' inline style (leaving {@code style=""}); if they run
     * before the DSFR has copied the header's tools into the mobile menu (an innerHTML copy), the
     * copy carries that attribute and the page's CSP refuses it. So axe looks at the page as a
     * person does: loaded, the DSFR started and the mobile menu built.
     */
    private static void awaitDsfrStarted(Page page) {
        page.waitForLoadState();
        page.waitForFunction("() => document.documentElement.getAttribute('data-fr-js') === 'true'"
                + " && (!document.querySelector('.fr-header__tools-links')"
                + " || !document.querySelector('.fr-header__menu-links')"
                + " || document.querySelector('.fr-header__menu-links').children.length > 0)");
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n    "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget()) + " " + n.getHtml())
                .collect(Collectors.joining("\n    "));
    }

    private static void record(Page page, AxeResults results) {
        Path report = Path.of(System.getProperty("imagin.screenshots", "target/screenshots")).resolveSibling("axe-report.txt");
        String line = String.format("%s\t%s\tviolations=%d\tpasses=%d\tincomplete=%d%n", page.url(), page.title(),
                results.getViolations().size(), results.getPasses().size(), results.getIncomplete().size());
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
