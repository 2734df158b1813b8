package fr.education.imagin.competences;

import fr.education.imagin.competences.CompetenceRules.Auteur;
import fr.education.imagin.competences.CompetenceRules.Decision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** COMP-2/COMP-3: what "+", "X" and "Ajouter" decide for every combination of authors. */
class CompetenceRulesTest {

    private static final String UAI = "0350001A";
    private static final Auteur SYS = new Auteur("SYS", "SYS", "C");
    private static final Auteur US_C = new Auteur(UAI, "ETABLISSEMENT", "C");
    private static final Auteur US_I = new Auteur(UAI, "ETABLISSEMENT", "I");
    private static final Auteur OTHER_ETAB_C = new Auteur("0350002B", "ETABLISSEMENT", "C");
    private static final Auteur OTHER_ETAB_I = new Auteur("0350002B", "ETABLISSEMENT", "I");
    private static final Auteur AGENT_C = new Auteur("12E0123456ABC", "AGENT", "C");
    private static final Auteur AGENT_I = new Auteur("12E0123456ABC", "AGENT", "I");
    private static final Auteur MANAGER_C = new Auteur("GEST01", "GESTIONNAIRE", "C");

    @Test
    void labelsAreTheCodeAndTheOpinionAsComp2ShowsThem() {
        assertThat(SYS.label()).isEqualTo("SYS (C)");
        assertThat(US_I.label()).isEqualTo("0350001A (I)");
        assertThat(AGENT_C.label()).isEqualTo("12E0123456ABC (C)");
        assertThat(MANAGER_C.label()).isEqualTo("GEST01 (C)");
    }

    @Test
    void authorsShowEstablishmentsFirstAndTheSystemLast() {
        List<Auteur> authors = new ArrayList<>(List.of(SYS, MANAGER_C, AGENT_C, US_C));
        authors.sort(CompetenceRules.DISPLAY_ORDER);
        assertThat(authors).containsExactly(US_C, AGENT_C, MANAGER_C, SYS);
    }

    @Test
    void plusOnASystemCompetenceAddsTheEstablishmentAsCompetent() {
        assertThat(CompetenceRules.validate(List.of(SYS), UAI)).isEqualTo(Decision.MARK_COMPETENT);
    }

    @Test
    void plusAfterAnInvalidationTurnsTheEstablishmentBackToCompetent() {
        assertThat(CompetenceRules.validate(List.of(US_I, SYS), UAI)).isEqualTo(Decision.MARK_COMPETENT);
    }

    @Test
    void plusWhenAlreadyCompetentChangesNothing() {
        assertThat(CompetenceRules.validate(List.of(US_C, SYS), UAI)).isEqualTo(Decision.UNCHANGED);
    }

    @Test
    void plusOrXOnACompetenceThePersonDoesNotHaveIsNotFound() {
        assertThat(CompetenceRules.validate(List.of(), UAI)).isEqualTo(Decision.NOT_FOUND);
        assertThat(CompetenceRules.invalidate(List.of(), UAI)).isEqualTo(Decision.NOT_FOUND);
    }

    @Test
    void xOnACompetenceOnlyThisEstablishmentAuthoredDeletesIt() {
        assertThat(CompetenceRules.invalidate(List.of(US_C), UAI)).isEqualTo(Decision.DELETE);
    }

    @Test
    void xOnASystemCompetenceKeepsItWithTheEstablishmentsI() {
        assertThat(CompetenceRules.invalidate(List.of(SYS), UAI)).isEqualTo(Decision.MARK_INCOMPETENT);
        assertThat(CompetenceRules.invalidate(List.of(US_C, SYS), UAI)).isEqualTo(Decision.MARK_INCOMPETENT);
    }

    @Test
    void xWhenTheAgentOrAManagerOrAnotherEstablishmentStillSaysCompetentKeepsIt() {
        assertThat(CompetenceRules.invalidate(List.of(US_C, AGENT_C), UAI)).isEqualTo(Decision.MARK_INCOMPETENT);
        assertThat(CompetenceRules.invalidate(List.of(US_C, MANAGER_C), UAI)).isEqualTo(Decision.MARK_INCOMPETENT);
        assertThat(CompetenceRules.invalidate(List.of(US_C, OTHER_ETAB_C), UAI)).isEqualTo(Decision.MARK_INCOMPETENT);
    }

    @Test
    void xWhenEveryOtherAuthorAlreadyRemovedItDeletesIt() {
        assertThat(CompetenceRules.invalidate(List.of(US_C, AGENT_I), UAI)).isEqualTo(Decision.DELETE);
        assertThat(CompetenceRules.invalidate(List.of(US_C, OTHER_ETAB_I, AGENT_I), UAI)).isEqualTo(Decision.DELETE);
    }

    @Test
    void xWhenAlreadyInvalidatedAndOthersStillCompetentChangesNothing() {
        assertThat(CompetenceRules.invalidate(List.of(US_I, SYS), UAI)).isEqualTo(Decision.UNCHANGED);
    }

    @Test
    void addIsRefusedForACompetenceAlreadyInTheListWhoeverAuthoredIt() {
        assertThat(CompetenceRules.add(List.of())).isEqualTo(Decision.MARK_COMPETENT);
        assertThat(CompetenceRules.add(List.of(SYS))).isEqualTo(Decision.DUPLICATE);
        assertThat(CompetenceRules.add(List.of(US_I, SYS))).isEqualTo(Decision.DUPLICATE);
        assertThat(CompetenceRules.add(List.of(AGENT_C))).isEqualTo(Decision.DUPLICATE);
    }

    @Test
    void buttonsOfferOnlyAChange() {
        assertThat(CompetenceRules.offersValidate(List.of(SYS), UAI)).isTrue();
        assertThat(CompetenceRules.offersInvalidate(List.of(SYS), UAI)).isTrue();
        assertThat(CompetenceRules.offersValidate(List.of(US_C, SYS), UAI)).isFalse();
        assertThat(CompetenceRules.offersInvalidate(List.of(US_C, SYS), UAI)).isTrue();
        assertThat(CompetenceRules.offersValidate(List.of(US_I, SYS), UAI)).isTrue();
        assertThat(CompetenceRules.offersInvalidate(List.of(US_I, SYS), UAI)).isFalse();
    }

    @Test
    void examsProposedDependOnTheCategory() {
        assertThat(CompetenceRules.familiesFor("COLLEGE")).containsExactly("DNB");
        for (String lycee : List.of("LGT", "LP", "LPO")) {
            assertThat(CompetenceRules.familiesFor(lycee))
                    .containsExactlyInAnyOrder("BAC_PRO", "BAC_TECHNO", "BAC_GENERAL", "EA", "BTS");
        }
        assertThat(CompetenceRules.familiesFor("RECTORAT")).isEmpty();
    }
}
