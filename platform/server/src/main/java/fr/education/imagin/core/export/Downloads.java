package fr.education.imagin.core.export;

import fr.education.imagin.core.format.FrenchFormats;
import io.vertx.core.http.HttpServerResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Headers of a file the browser saves: type, name, no caching of personal data. */
public final class Downloads {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private Downloads() {
    }

    /** {@code personnels_0310038Y_20261125.csv}: parts joined by '_', today's date last. */
    public static String fileName(String extension, String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                name.append(UNSAFE.matcher(part.strip()).replaceAll("-")).append('_');
            }
        }
        return name.append(FrenchFormats.compactDate(LocalDate.now(FrenchFormats.ZONE))).append('.').append(extension).toString();
    }

    /**
     * {@code fileName} may have accents ({@code DUPONT_Zoé.pdf}): browsers take the UTF-8 form,
     * older ones the plain ASCII one ({@code DUPONT_Zoe.pdf}).
     */
    public static HttpServerResponse prepare(HttpServerResponse response, String contentType, String fileName) {
        String ascii = UNSAFE.matcher(Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")).replaceAll("-");
        return response.putHeader("Content-Type", contentType)
                .putHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .putHeader("Cache-Control", "no-store");
    }
}
