package fr.education.imagin.demo;

import fr.education.imagin.core.db.CopyWriter;

import fr.education.imagin.demo.GenerationContext.RandomStream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Unavailabilities of about 10% of the staff, over the past ten months and the next eight, with
 * the shape of their origin: EPP trainings, SIRHEN leaves, establishment trips and meetings.
 * Loads {@code indisponibilite}.
 */
final class IndisponibiliteGenerator {

    private static final int EPP = 0;
    private static final int SIRHEN = 1;
    private static final int ETABLISSEMENT = 2;
    /** By origin index, as {@link Catalog#MOTIFS}. */
    private static final String[] ORIGINES = {"EPP", "SIRHEN", "ETABLISSEMENT"};

    private final GenerationContext context;
    private final Etablissements etablissements;
    private final Personnels personnels;
    private final SplittableRandom rng;

    IndisponibiliteGenerator(GenerationContext context, Etablissements etablissements, Personnels personnels) {
        this.context = context;
        this.etablissements = etablissements;
        this.personnels = personnels;
        this.rng = context.random(RandomStream.INDISPONIBILITES);
    }

    void generate() throws SQLException {
        DemoCalendar calendar = context.calendar();
        long todayDay = calendar.todayDay();
        context.loader().copy("indisponibilite",
                "id, personnel_id, debut, fin, motif, origine, declarant_uai, academie_convocation, created_at, convocation", w -> {
            long id = 0;
            for (int i = 0; i < personnels.count(); i++) {
                if (rng.nextDouble() >= 0.10) {
                    continue;
                }
                int n = rng.nextDouble() < 0.3 ? 2 : 1;
                for (int k = 0; k < n; k++) {
                    double u = rng.nextDouble();
                    int o = u < 0.35 ? EPP : u < 0.70 ? SIRHEN : ETABLISSEMENT;
                    int start = DemoCalendar.onWeekday((int) todayDay - 300 + rng.nextInt(540));
                    int days;
                    String hDebut;
                    String hFin;
                    switch (o) {
                        case EPP -> { // training
                            days = 1 + rng.nextInt(3);
                            hDebut = "08:30:00";
                            hFin = "17:00:00";
                        }
                        case SIRHEN -> { // leave
                            days = 3 + rng.nextInt(58);
                            hDebut = "00:00:00";
                            hFin = "23:59:00";
                        }
                        default -> { // establishment: school trip, meeting...
                            double v = rng.nextDouble();
                            days = v < 0.6 ? 1 : 2 + rng.nextInt(4);
                            boolean half = v < 0.3;
                            hDebut = half ? "13:30:00" : "08:00:00";
                            hFin = half ? "17:30:00" : "18:00:00";
                        }
                    }
                    String[] motifs = Catalog.MOTIFS[o];
                    // declared a few days before it starts, and never after today
                    int created = Math.min(start - 1 - rng.nextInt(20), (int) todayDay - 1 - rng.nextInt(3));
                    w.num(++id).num(i + 1).begin().append(calendar.date(start)).append(' ').append(hDebut);
                    w.begin().append(calendar.date(start + days - 1)).append(' ').append(hFin);
                    w.text(motifs[rng.nextInt(motifs.length)]).raw(ORIGINES[o])
                            .text(o == ETABLISSEMENT ? etablissements.get(personnels.etab(i)).uai : null).raw(null)
                            .begin().append(calendar.date(created)).append(' ')
                            .append(DemoCalendar.time(9 + rng.nextInt(8), rng.nextInt(60)));
                    w.raw(null).endRow();
                }
            }
            // After the others, so adding these left every row above as it was.
            for (int i = 0; i < personnels.count(); i++) {
                if (rng.nextDouble() < 0.02) {
                    convocationElsewhere(w, ++id, i, calendar, todayDay);
                }
            }
        });
    }

    /**
     * INDISPO-4 as the convening académie leaves it: the person is unavailable while convened
     * there, and the row keeps that convocation's recap for the "Indisponibilités" tab.
     */
    private void convocationElsewhere(CopyWriter w, long id, int person, DemoCalendar calendar, long todayDay)
            throws SQLException {
        List<String[]> others = OTHER_ACADEMIES.stream().filter(a -> !a[0].equals(context.profile().tenantCode())).toList();
        String[] academie = others.get(rng.nextInt(others.size()));
        String[] mission = CONVOCATION_MISSIONS[rng.nextInt(CONVOCATION_MISSIONS.length)];
        int start = DemoCalendar.onWeekday((int) todayDay - 200 + rng.nextInt(400));
        // Two days only from Monday to Thursday: nobody is convened on a Saturday.
        int days = LocalDate.ofEpochDay(start).getDayOfWeek().getValue() < 5 ? 1 + rng.nextInt(2) : 1;
        boolean morning = rng.nextBoolean();
        String debut = morning ? "08:00" : "13:30";
        String fin = morning ? "12:00" : "17:30";
        int year = LocalDate.ofEpochDay(start).getYear();
        JsonArray creneaux = new JsonArray();
        for (int d = 0; d < days; d++) {
            creneaux.add(new JsonObject().put("jour", calendar.date(start + d)).put("debut", debut).put("fin", fin));
        }
        JsonObject recap = new JsonObject()
                .put("academie", academie[1])
                .put("numero", String.valueOf(120_000 + rng.nextInt(80_000)))
                .put("mission", mission[0])
                .put("session", mission[1].formatted(year))
                .put("epreuve", mission[2])
                .put("centre", academie[2])
                .put("qualite", mission[3])
                .put("creneaux", creneaux);
        w.num(id).num(person + 1).begin().append(calendar.date(start)).append(' ').append(debut).append(":00");
        w.begin().append(calendar.date(start + days - 1)).append(' ').append(fin).append(":00");
        w.text("Convocation par IMAG'IN " + academie[1]).raw("AUTRE_ACADEMIE").raw(null).text(academie[0])
                .begin().append(calendar.date(Math.min(start - 10, todayDay - 1))).append(" 10:00:00");
        w.text(recap.encode()).endRow();
    }

    /** Code, name and an exam centre of académies that may convene this one's staff. */
    private static final List<String[]> OTHER_ACADEMIES = List.of(
            new String[]{"toulouse", "ACADEMIE DE TOULOUSE", "LYCEE POLYVALENT PIERRE-PAUL RIQUET SAINT-ORENS (0310038Y)"},
            new String[]{"rennes", "ACADEMIE DE RENNES", "LYCEE CHATEAUBRIAND RENNES (0350024H)"},
            new String[]{"siec", "SERVICE INTERACADEMIQUE DES EXAMENS ET CONCOURS", "MAISON DES EXAMENS ARCUEIL (0942291Y)"});

    /** Mission type, session (%d the year), épreuve, qualité. */
    private static final String[][] CONVOCATION_MISSIONS = {
        {"Correction de copies", "470, BCG, %d ,BGT %1$d", "T012B, Philosophie", "Correcteur"},
        {"Interrogation orale", "430, BTN, %d ,BGT %1$d", "T048A, Grand oral", "Examinateur"},
        {"Jury de délibération", "400, BCP, %d-06,BCP %1$d", "", "Membre de jury"},
        {"Correction de copies", "320, BTS, %d-06,BTS %1$d", "E51, Culture générale et expression", "Correcteur"}};
}
