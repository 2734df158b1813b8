package fr.education.imagin.demo;

import fr.education.imagin.demo.GenerationContext.RandomStream;

import java.sql.SQLException;
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
                "id, personnel_id, debut, fin, motif, origine, declarant_uai, academie_convocation, created_at", w -> {
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
                    w.endRow();
                }
            }
        });
    }
}
