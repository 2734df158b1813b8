package fr.education.imagin.demo;

import java.util.List;

/**
 * What the generator needs to know about an académie.
 *
 * @param tenantCode        the tenant code, used for mail domains ({@code ac-<tenantCode>.fr}) and the rectorat name
 * @param departementPrefix the first three digits of the UAIs generated, e.g. {@code "031"} for {@code 031xxxxY}
 * @param communes          communes of the académie; the first one is the chef-lieu (rectorat, more establishments)
 */
public record AcademyProfile(String tenantCode, String departementPrefix, List<String> communes) {

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
    }
}
