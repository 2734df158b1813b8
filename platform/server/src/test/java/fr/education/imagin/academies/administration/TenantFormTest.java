package fr.education.imagin.academies.administration;

import fr.education.imagin.academies.administration.TenantAdministration.NewTenant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of the "Créer une académie" form, before anything is read or written. */
class TenantFormTest {

    private static NewTenant form(String code, String nom, String contact, String gestionnaire, String password) {
        return new NewTenant(code, nom, contact, "", gestionnaire, password);
    }

    @Test
    void aCompleteFormPasses() {
        assertThat(TenantAdministration.problem(form("aix-marseille", "ACADEMIE D'AIX-MARSEILLE", "dec@ac-aix-marseille.fr",
                "gest.aix-marseille", "mot-de-passe-initial"))).isNull();
    }

    @Test
    void eachProblemIsNamedInFrench() {
        assertThat(TenantAdministration.problem(form("", "N", "a@b.fr", "gest.x", "mot-de-passe-initial")))
                .isEqualTo("Veuillez saisir le code de l'académie.");
        assertThat(TenantAdministration.problem(form("Nice", "N", "a@b.fr", "gest.x", "mot-de-passe-initial")))
                .startsWith("Le code « Nice » n'est pas valide");
        assertThat(TenantAdministration.problem(form("static", "N", "a@b.fr", "gest.x", "mot-de-passe-initial")))
                .isEqualTo("Le code « static » est réservé par la plateforme.");
        assertThat(TenantAdministration.problem(form("nice", " ", "a@b.fr", "gest.x", "mot-de-passe-initial")))
                .isEqualTo("Veuillez saisir le nom de l'académie.");
        assertThat(TenantAdministration.problem(form("nice", "N", "ab.fr", "gest.x", "mot-de-passe-initial")))
                .isEqualTo("Le courriel de contact n'est pas une adresse valide.");
        assertThat(TenantAdministration.problem(form("nice", "N", "a@b.fr", "Gest X", "mot-de-passe-initial")))
                .startsWith("L'identifiant du premier gestionnaire n'est pas valide");
        assertThat(TenantAdministration.problem(form("nice", "N", "a@b.fr", "gest.nice", "court")))
                .isEqualTo("Le mot de passe initial du gestionnaire doit compter au moins 12 caractères.");
    }
}
