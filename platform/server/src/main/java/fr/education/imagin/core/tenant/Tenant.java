package fr.education.imagin.core.tenant;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * One académie. {@code code} is also the URL prefix ({@code /rennes/...}); {@code schemaName}
 * is derived from it and is the only place a tenant's data lives.
 */
public record Tenant(String code, String nom, String contactMail, String messageAccueil, boolean actif) {

    /** The national DGRH's code: an académie-like tenant that is never offered as another académie (ACAD-1). */
    public static final String DGRH = "dgrh";
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");
    /** First path segments the platform itself uses; no tenant may take them. */
    private static final Set<String> RESERVED = Set.of("health", "ready", "static", "bench", "admin", "api", "favicon.ico");

    public Tenant {
        if (code == null || !CODE.matcher(code).matches() || RESERVED.contains(code)) {
            throw new IllegalArgumentException("Invalid tenant code '" + code + "': lower-case letters, digits and '-', not one of " + RESERVED);
        }
        if (nom == null || nom.isBlank()) {
            throw new IllegalArgumentException("Tenant " + code + " needs a display name (nom)");
        }
        if (contactMail == null || !contactMail.contains("@")) {
            throw new IllegalArgumentException("Tenant " + code + " needs a contact mail");
        }
        messageAccueil = messageAccueil == null ? "" : messageAccueil;
    }

    public String schemaName() {
        return "t_" + code.replace('-', '_');
    }
}
