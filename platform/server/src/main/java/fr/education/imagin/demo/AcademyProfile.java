package fr.education.imagin.demo;

import java.util.List;
import java.util.Locale;

/**
 * What the generator needs to know about an académie.
 *
 * @param tenantCode        the tenant code, used for mail domains ({@code ac-<tenantCode>.fr}) and the rectorat name
 * @param departementPrefix the first three digits of the UAIs generated, e.g. {@code "031"} for {@code 031xxxxY}
 * @param communes          communes of the académie; the first one is the chef-lieu (rectorat, more establishments)
 * @param contactMail       the académie's contact mail (tenant file {@code contact}, e.g. {@code dec@ac-toulouse.fr}):
 *                          the exam managers' mails are on its domain
 */
public record AcademyProfile(String tenantCode, String departementPrefix, List<String> communes, String contactMail) {

    /** An académie whose contact is {@code dec@ac-<tenantCode>.fr}. */
    public AcademyProfile(String tenantCode, String departementPrefix, List<String> communes) {
        this(tenantCode, departementPrefix, communes, "dec@ac-" + (tenantCode == null ? "" : tenantCode.toLowerCase(Locale.ROOT)) + ".fr");
    }

    public AcademyProfile {
        if (tenantCode == null || tenantCode.isBlank()) {
            throw new IllegalArgumentException("tenantCode is required");
        }
        if (departementPrefix == null || !departementPrefix.matches("[0-9]{3}")) {
            throw new IllegalArgumentException("departementPrefix must be three digits: " + departementPrefix);
        }
        if (communes == null || communes.isEmpty() || communes.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException("at least one commune is required");
        }
        communes = List.copyOf(communes);
        if (contactMail == null || !contactMail.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("contactMail must be a mail address: " + contactMail);
        }
    }
}
