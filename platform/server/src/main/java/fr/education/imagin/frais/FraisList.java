package fr.education.imagin.frais;

import fr.education.imagin.core.list.ChoiceFilter;
import fr.education.imagin.core.list.Column;
import fr.education.imagin.core.list.ListDefinition;
import fr.education.imagin.core.web.RecordIds;

import java.util.Arrays;
import java.util.List;

/**
 * A session's expenses as the office sees them (GEST-3): one row per intervenant's remuneration
 * (CSF) and per ICC line, filtered by statut and nature, searched on name, NUMEN and mission
 * number, each row selectable for the actions of {@link FraisOfficeService}.
 */
final class FraisList {

    /** The form the row checkboxes belong to, and the name they are sent under. */
    static final String FORM = "frais-actions";
    static final String SELECTION = "frais";

    /** Amounts as the guide prints them: {@code 1268,00 €} (no thousands separator). */
    private static final String MONTANT = "replace(to_char(f.montant, 'FM99999990.00'), '.', ',') || chr(160) || '€'";
    /** {@code 120,00} → {@code 120}, {@code 4,50} → {@code 4,5}: the quantity as typed. */
    private static final String QUANTITE = "rtrim(rtrim(replace(f.quantite::text, '.', ','), '0'), ',')";

    private FraisList() {
    }

    static ListDefinition definition() {
        return ListDefinition.builder("frais", "Frais de la session")
                .from("""
                        frais f
                        join personnel p on p.id = f.personnel_id and f.session_id = $1
                        left join affectation a on a.id = f.affectation_id
                        left join mission m on m.id = a.mission_id
                        left join type_mission t on t.code = m.type_code
                        left join icc_saisie s on s.id = f.icc_saisie_id
                        left join etablissement e on e.uai = s.uai""",
                        ctx -> List.of(RecordIds.parse(ctx.pathParam("session")).orElse(-1)))
                .id("f.id")
                .column(Column.text("nature", "Nature", "case f.nature when 'ICC' then 'Indemnité chef de centre' else 'Rémunération CSF' end"))
                .column(Column.text("nom", "Nom", "p.nom"))
                .column(Column.text("prenom", "Prénom", "p.prenom"))
                .column(Column.text("numen", "NUMEN", "p.numen"))
                .column(Column.text("objet", "Mission / centre", """
                        case f.nature when 'ICC' then e.uai || ' - ' || e.nom
                             || case s.periode when 'REMPLACEMENT' then ' (épreuves de remplacement)' else '' end
                        else m.numero || ' - ' || t.libelle end"""))
                .column(Column.text("service", "Service / montant", """
                        case when f.nature = 'ICC' then %s
                             when f.unite is null then ''
                             else %s || ' ' || case f.unite
                                 when 'COPIES' then case when f.quantite < 2 then 'copie' else 'copies' end
                                 when 'CANDIDATS' then case when f.quantite < 2 then 'candidat' else 'candidats' end
                                 else case when f.quantite < 2 then 'heure' else 'heures' end end end"""
                        .formatted(MONTANT, QUANTITE)))
                .column(Column.text("statut", "Statut", statutLibelle("f.statut")))
                .column(Column.text("motif", "Motif", "coalesce(f.motif, '')"))
                .column(Column.text("traitePar", "Traité par", "coalesce(f.traite_par, '')"))
                .column(Column.dateTime("traiteLe", "Traité le", "(f.traite_le at time zone 'Europe/Paris')"))
                .filter(ChoiceFilter.fixed("statut", "Statut",
                        () -> Arrays.stream(FraisService.Statut.values()).map(s -> new ChoiceFilter.Choice(s.name(), s.libelle())).toList(),
                        "f.statut = any(:choix)", "Le statut « %s » n'existe pas : choisissez parmi les statuts affichés."))
                .filter(ChoiceFilter.fixed("nature", "Nature",
                        () -> List.of(new ChoiceFilter.Choice("REMUNERATION", "Rémunération CSF"),
                                new ChoiceFilter.Choice("ICC", "Indemnité chef de centre")),
                        "f.nature = any(:choix)", "La nature « %s » n'existe pas : choisissez parmi les natures affichées."))
                .filterButton("Filtrer les frais")
                .sortedBy("nom")
                .selectable(SELECTION, FORM)
                .emptyMessage("Aucun frais de cette session ne correspond à ces critères.")
                .exportsLabel("Télécharger la liste")
                .build();
    }

    /** The French label of a statut column, from {@link FraisService.Statut}. */
    static String statutLibelle(String column) {
        StringBuilder sql = new StringBuilder("case ").append(column);
        for (FraisService.Statut s : FraisService.Statut.values()) {
            sql.append(" when '").append(s.name()).append("' then '").append(s.libelle().replace("'", "''")).append("'");
        }
        return sql.append(" end").toString();
    }
}
