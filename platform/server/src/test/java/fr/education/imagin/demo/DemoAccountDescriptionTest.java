package fr.education.imagin.demo;

import fr.education.imagin.core.security.Role;
import fr.education.imagin.testkit.SharedPlatform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11 point 7: the demo accounts printed at start say which is the lycée, the collège, and which are exam centres. */
class DemoAccountDescriptionTest {

    @Test
    void theLabelNamesTheCategoryAndTheExamCentreStatus() {
        assertThat(DemoSeeder.establishmentLabel("LPO", true, List.of("siec")))
                .isEqualTo("lycée polyvalent, centre d'examen (aussi : siec)");
        assertThat(DemoSeeder.establishmentLabel("COLLEGE", false, List.of())).isEqualTo("collège, non centre d'examen");
        assertThat(DemoSeeder.establishmentLabel("LGT", true, List.of())).isEqualTo("lycée général et technologique, centre d'examen");
    }

    @Test
    void everyChefAccountSaysWhatItsEstablishmentIs() {
        Map<String, String> chefs = SharedPlatform.get().demoAccounts().stream()
                .filter(a -> a.role() == Role.CHEF_ETABLISSEMENT)
                .collect(Collectors.toMap(DemoAccount::login, DemoAccount::description));
        assertThat(chefs.get("ce.0310038y"))
                .isEqualTo("Chef d'établissement 0310038Y lycée polyvalent, centre d'examen (aussi : siec)");
        assertThat(chefs).hasEntrySatisfying("ce.delegations.toulouse", d -> assertThat(d).contains("(lycée)", "(collège)"));
        chefs.forEach((login, description) -> {
            if (!login.startsWith("ce.delegations.")) {
                assertThat(description).as(login).containsPattern("(lycée|collège)[^,]*, (non )?centre d'examen");
            }
        });
        assertThat(chefs.keySet().stream().filter(l -> chefs.get(l).contains("collège"))).hasSizeGreaterThanOrEqualTo(3);
    }
}
