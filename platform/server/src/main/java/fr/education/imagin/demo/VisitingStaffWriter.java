package fr.education.imagin.demo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@link VisitingStaff} of the académie being generated, after the generated staff
 * (their ids continue): in their home académie as staff of its demo lycée, in the host académie as
 * intervenants from their home académie. Loads {@code personnel} and {@code lieu_exercice}.
 */
final class VisitingStaffWriter {

    private final GenerationContext context;
    private final Etablissements etablissements;
    private final int demoLycee;

    VisitingStaffWriter(GenerationContext context, Etablissements etablissements, int demoLycee) {
        this.context = context;
        this.etablissements = etablissements;
        this.demoLycee = demoLycee;
    }

    void write(List<VisitingStaff> visits) throws SQLException {
        String here = context.profile().tenantCode();
        // Per person written: the home académie's code, and whether it is this one.
        List<VisitingStaff.Person> people = new ArrayList<>();
        List<String> homes = new ArrayList<>();
        for (VisitingStaff visit : visits) {
            boolean home = visit.home().equals(here);
            if (home && demoLycee < 0 || !home && !visit.host().equals(here)) {
                continue;
            }
            for (VisitingStaff.Person p : VisitingStaff.PEOPLE) {
                if (people.contains(p)) { // one académie in two visits: the persons once
                    continue;
                }
                people.add(p);
                homes.add(home ? null : visit.home());
            }
        }
        if (people.isEmpty()) {
            return;
        }
        long first = context.loader().rowsByTable().getOrDefault("personnel", 0L) + 1;
        context.loader().copy("personnel", "id, numen, civilite, nom, prenom, date_naissance, discipline_poste, corps, "
                + "adresse, code_postal, commune, tel_perso, tel_pro, mail_pro, mail_perso, academie_origine", w -> {
            for (int i = 0; i < people.size(); i++) {
                VisitingStaff.Person p = people.get(i);
                String homeCode = homes.get(i) == null ? here : homes.get(i);
                w.num(first + i).raw(p.numen()).raw(p.civilite()).text(p.nom()).text(p.prenom()).raw(p.naissance())
                        .text(p.discipline()).text(p.corps()).text(p.adresse()).text(p.codePostal()).text(p.commune())
                        .text(p.telPerso()).text("").text(p.mailPro(homeCode)).text("").text(homes.get(i)).endRow();
            }
        });
        context.loader().copy("lieu_exercice", "personnel_id, uai, principal", w -> {
            for (int i = 0; i < people.size(); i++) {
                if (homes.get(i) == null) {
                    w.num(first + i).text(etablissements.get(demoLycee).uai).bool(true).endRow();
                }
            }
        });
    }
}
