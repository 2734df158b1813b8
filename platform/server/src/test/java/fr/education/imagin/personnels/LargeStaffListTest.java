package fr.education.imagin.personnels;

import fr.education.imagin.core.security.AccountProvisioning;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An establishment with 5,000 staff (the large académie has some with thousands): the list page,
 * a keyword search, a deep page, and the CSV and PDF exports, timed. The figures go to
 * {@code target/liste-5000.txt}; the limits only catch a list that stopped scaling.
 */
class LargeStaffListTest {

    private static final String UAI = "0319999Z";
    private static final int STAFF = 5_000;
    private static String base;
    private static Browser browser;

    @BeforeAll
    static void arrange() throws SQLException {
        base = SharedPlatform.baseUrl();
        try (Connection conn = SharedPlatform.jdbc(); Statement st = conn.createStatement()) {
            st.execute("""
                    insert into t_toulouse.etablissement (uai, nom, categorie, commune, centre_examen)
                    values ('%s', 'LYCEE DES CINQ MILLE', 'LPO', 'TOULOUSE', true)""".formatted(UAI));
            st.execute("""
                    with p as (
                        insert into t_toulouse.personnel (numen, civilite, nom, prenom, date_naissance, discipline_poste)
                        select 'GRAND-' || n, case when n %% 2 = 0 then 'Mme' else 'M.' end,
                               'NOM' || lpad((n * 7919 %% %1$d)::text, 5, '0'), 'Prénom ' || n, date '1960-01-01' + n,
                               (array['MATHEMATIQUES', 'LETTRES MODERNES', 'ÉDUCATION PHYSIQUE ET SPORTIVE', 'ANGLAIS'])[1 + n %% 4]
                        from generate_series(1, %1$d) n returning id)
                    insert into t_toulouse.lieu_exercice (personnel_id, uai, principal) select id, '%2$s', true from p"""
                    .formatted(STAFF, UAI));
        }
        new AccountProvisioning(SharedPlatform.get().database().jdbc()).createIfAbsent("ce." + UAI.toLowerCase(),
                "imagin-demo", "Chef du lycée des cinq mille", Role.CHEF_ETABLISSEMENT, "toulouse", List.of(UAI));
        browser = new Browser();
        browser.login(base, "toulouse", "ce." + UAI.toLowerCase(), "imagin-demo");
    }

    @AfterAll
    static void signOut() {
        browser.quit(base, "toulouse");
    }

    @Test
    void fiveThousandRowsListSearchPageAndExportFast() throws IOException {
        get("/toulouse/personnels/");  // first request of the screen: templates compiled
        long pageMs = timed(() -> assertThat(get("/toulouse/personnels/").body())
                .contains("Liste des personnels (5\u00A0000 lignes)", "Page 1 sur 50"));
        long searchMs = timed(() -> assertThat(partial("/toulouse/personnels/?q=nom0412").body()).contains("(10 lignes)"));
        long deepMs = timed(() -> assertThat(get("/toulouse/personnels/?tri=discipline&sens=desc&page=50").body())
                .contains("Page 50 sur 50"));

        long[] csvRows = new long[1];
        long[] csvBytes = new long[1];
        long csvMs = timed(() -> {
            HttpResponse<byte[]> csv = bytes("/toulouse/personnels/export.csv");
            csvBytes[0] = csv.body().length;
            try {
                csvRows[0] = CSVFormat.Builder.create().setDelimiter(';').get()
                        .parse(new StringReader(new String(csv.body(), StandardCharsets.UTF_8).substring(1))).getRecords().size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(csvRows[0]).isEqualTo(STAFF + 1);

        long[] pdfPages = new long[1];
        long[] pdfBytes = new long[1];
        long pdfMs = timed(() -> {
            HttpResponse<byte[]> pdf = bytes("/toulouse/personnels/export.pdf");
            assertThat(pdf.statusCode()).isEqualTo(200);
            pdfBytes[0] = pdf.body().length;
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                pdfPages[0] = document.getNumberOfPages();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(pdfPages[0]).isGreaterThan(50);

        String report = """
                Liste de %d personnels d'un établissement (HTTP sur la plateforme réelle, PostgreSQL réel)
                page de liste (100 lignes + total)      %d ms
                recherche par mot-clé (région seule)    %d ms
                page 50, tri par discipline décroissant %d ms
                export CSV (%d lignes, %d octets)       %d ms
                export PDF (%d pages, %d octets)        %d ms
                """.formatted(STAFF, pageMs, searchMs, deepMs, csvRows[0], csvBytes[0], csvMs, pdfPages[0], pdfBytes[0], pdfMs);
        System.out.println(report);
        Files.writeString(Path.of("target/liste-5000.txt"), report, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(pageMs).isLessThan(2_000);
        assertThat(searchMs).isLessThan(2_000);
        assertThat(csvMs).isLessThan(10_000);
        assertThat(pdfMs).isLessThan(120_000);
    }

    private static long timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static HttpResponse<String> get(String path) {
        HttpResponse<String> response = browser.get(base + path);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> partial(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", browser.cookieHeader()).header("X-Imagin-Partiel", "liste").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> bytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3))
                .header("Cookie", browser.cookieHeader()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HttpClient.newHttpClient().send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
