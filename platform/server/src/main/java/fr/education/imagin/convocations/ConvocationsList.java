package fr.education.imagin.convocations;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.list.ChoiceFilter;
import fr.education.imagin.core.list.Column;
import fr.education.imagin.core.list.ExportYears;
import fr.education.imagin.core.list.ListDefinition;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.missions.MissionService;
import fr.education.imagin.missions.MissionTypeRules;

import java.time.LocalDate;
import java.util.List;

/**
 * The list of "Convocation par mission" (CONV-1): the missions held in the centre that the office
 * targeted for convocation by the establishment, plus those of the types the académie's plugins
 * open by default (EC, ECE, numérisation), read when the list is asked for.
 */
final class ConvocationsList {

    private ConvocationsList() {
    }

    static ListDefinition definition(MissionTypeRules rules) {
        return ListDefinition.builder("convocations", "Liste des missions")
                .from("""
                        mission m
                        join etablissement centre on centre.uai = m.centre_uai and centre.uai = $1
                             and (m.convocation_etablissement or m.type_code = any($2))
                        join type_mission t on t.code = m.type_code
                        join session_examen s on s.id = m.session_id
                        join examen x on x.code = s.examen_code
                        left join epreuve_option eo on eo.id = m.epreuve_option_id
                        left join specialite sp on sp.id = eo.specialite_id
                        left join lateral (select count(*) as n from affectation a
                                           where a.mission_id = m.id and a.statut <> 'AFFECTEE') itv on true
                        cross join lateral (select case when m.type_code = any($3) then 'Chef d''établissement'
                                                        when m.type_code = any($4) then 'Chef de centre'
                                                        when m.signature = 'ETABLISSEMENT' then 'Chef d''établissement'
                                                        else 'Chef de centre' end as libelle) signataire""",
                        ctx -> {
                            Tenant tenant = TenantHandler.current(ctx);
                            return List.of(WorkContext.establishment(ctx).uai(),
                                    rules.openForConvocationByDefault(tenant).toArray(String[]::new),
                                    rules.typesSignedBy(tenant, "ETABLISSEMENT").toArray(String[]::new),
                                    rules.typesSignedBy(tenant, "CENTRE").toArray(String[]::new));
                        })
                .id("m.id")
                .column(Column.text("numero", "N°", "m.numero"))
                .column(Column.text("session", "Session examen", "s.libelle"))
                // The labels of "Consultation des missions", for the same missions.
                .column(Column.text("specialite", "Spécialité", "coalesce(" + MissionService.SPECIALITE + ", '')"))
                .column(Column.text("epreuve", "Epreuve-option", "coalesce(" + MissionService.EPREUVE + ", '')"))
                .column(Column.text("type", "Type de mission", "t.libelle"))
                .column(Column.date("debut", "Début", "m.date_debut"))
                .column(Column.integer("intervenants", "Nbr itv.", "itv.n"))
                // CONV-14: the type's plugin rule when there is one, else what the office recorded.
                .column(Column.text("signature", "Signature convocation", "signataire.libelle"))
                // Guide §4.2.1: the current year and the next until the user chooses (current - 3 … + 1 offered).
                .filter(ChoiceFilter.fixed(ExportYears.PARAMETER, "Année",
                                () -> ExportYears.proposed().stream().map(y -> new ChoiceFilter.Choice(y.toString(), y.toString())).toList(),
                                "s.annee::text = any(:choix)",
                                "L'année « %s » n'est pas proposée : choisissez parmi les années affichées.")
                        .byDefault(() -> {
                            int year = LocalDate.now(FrenchFormats.ZONE).getYear();
                            return List.of(String.valueOf(year), String.valueOf(year + 1));
                        }, "Années de session d'examen ; sans choix, l'année en cours et la suivante."))
                .filter(ChoiceFilter.fromData("examen", "Examen", """
                                select x.code as value, x.code || ', ' || x.sigle || ' - ' || x.libelle as libelle
                                from examen x
                                where exists (select 1 from mission m join session_examen s on s.id = m.session_id
                                              where s.examen_code = x.code and m.centre_uai = $1
                                                and (m.convocation_etablissement or m.type_code = any($2)))
                                  and $3::text[] is not null and $4::text[] is not null
                                order by x.code""",
                        "x.code = any(:choix)",
                        "L'examen « %s » n'est pas proposé : choisissez parmi les examens des missions de votre centre."))
                .filterButton("Filtrer mission")
                .sortedBy("debut")
                .rowsOpenDetail()
                .emptyMessage("Aucune mission de votre centre n'est ouverte aux convocations par l'établissement pour ces critères.")
                .exportsLabel("Télécharger la liste des missions")
                .build();
    }
}
