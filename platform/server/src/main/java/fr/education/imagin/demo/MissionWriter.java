package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.TypeMission;
import fr.education.imagin.demo.GenerationContext.RandomStream;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Writes the planned missions with what is drawn only for their rows (numbers, expected
 * candidates, observations, commission codes). Loads {@code mission}, {@code mission_jour},
 * {@code commission}, {@code commission_jour} and {@code jury}.
 */
final class MissionWriter {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** Six-digit mission numbers are drawn without repetition while they are not too crowded. */
    private static final int SIX_DIGIT_NUMBERS = 900_000;

    private final GenerationContext context;
    private final Etablissements etablissements;
    private final ExamReference exams;
    private final OptionalMissionColumns columns;
    private final SplittableRandom rng;

    MissionWriter(GenerationContext context, Etablissements etablissements, ExamReference exams,
                  OptionalMissionColumns columns) {
        this.context = context;
        this.etablissements = etablissements;
        this.exams = exams;
        this.columns = columns;
        this.rng = context.random(RandomStream.MISSION_ROWS);
    }

    /**
     * Writes the missions and returns {@code reserved} more numbers, drawn after theirs and distinct
     * from them, for the missions written later ({@link CentreScenario}).
     */
    String[] write(Missions missions, int reserved) throws SQLException {
        String[] numeros = numeros(missions.count() + reserved);
        copyMissions(missions, numeros);
        copyMissionDays(missions);
        copyCommissions(missions);
        copyCommissionDays(missions);
        copyJuries(missions);
        return Arrays.copyOfRange(numeros, missions.count(), numeros.length);
    }

    /** Distinct random six-digit numbers; sequential seven-digit ones beyond half the six-digit range. */
    private String[] numeros(int m) {
        String[] numeros = new String[m];
        if (m <= SIX_DIGIT_NUMBERS / 2) {
            BitSet used = new BitSet(SIX_DIGIT_NUMBERS);
            for (int i = 0; i < m; i++) {
                int k;
                do {
                    k = rng.nextInt(SIX_DIGIT_NUMBERS);
                } while (used.get(k));
                used.set(k);
                numeros[i] = String.valueOf(100_000 + k);
            }
        } else {
            for (int i = 0; i < m; i++) {
                numeros[i] = String.valueOf(1_000_000 + i);
            }
        }
        return numeros;
    }

    private void copyMissions(Missions missions, String[] numeros) throws SQLException {
        DemoCalendar calendar = context.calendar();
        context.loader().copy("mission", "id, numero, type_code, session_id, epreuve_option_id, centre_uai, "
                + "date_debut, date_fin, candidats_attendus, ouvre_droit_remuneration, convocation_etablissement, "
                + "signature, observation" + (columns.variante() ? ", variante" : "")
                + (columns.cycladesAssignment() ? ", affectation_cyclades_terminee" : ""), w -> {
            for (int i = 0; i < missions.count(); i++) {
                TypeMission tm = missions.type(i);
                int start = missions.start(i);
                int ep = missions.epreuve(i);
                long session = exams.sessionId(missions.examIndex(i), LocalDate.ofEpochDay(start).getYear());
                int candidats = candidats(tm.code());
                String obs = "";
                double o = rng.nextDouble();
                if (o < 0.15) {
                    String[] options = o < 0.11 ? Catalog.observations(tm.code()) : Catalog.generalObservations();
                    obs = options[rng.nextInt(options.length)];
                }
                w.num(i + 1).raw(numeros[i]).text(tm.code()).num(session).ref(ep < 0 ? -1 : ep + 1L)
                        .text(etablissements.get(missions.centre(i)).uai).raw(calendar.date(start))
                        .raw(calendar.date(start + missions.days(i) - 1)).num(candidats)
                        .bool(!"SSCAN".equals(tm.code())).bool(missions.convokedByEtablissement(i))
                        .raw(tm.ec() ? "ETABLISSEMENT" : "CENTRE").text(obs);
                if (columns.variante()) {
                    // CONV-10: the HLP EC correction is split into a letters and a philosophy mission
                    boolean hlp = "COEC".equals(tm.code()) && ep >= 0 && "T005A".equals(exams.epreuve(ep).code());
                    w.text(hlp ? (rng.nextBoolean() ? "Lettres" : "Philosophie") : "");
                }
                if (columns.cycladesAssignment()) {
                    w.bool(!missions.cycladesPending(i));
                }
                w.endRow();
            }
        });
    }

    private int candidats(String type) {
        return switch (type) {
            case "CORR" -> 60 + rng.nextInt(340);
            case "ORAL", "INEC" -> 20 + rng.nextInt(130);
            case "JURY" -> 150 + rng.nextInt(750);
            case "SURV" -> 100 + rng.nextInt(700);
            case "PRAT" -> 15 + rng.nextInt(105);
            case "COEC" -> 200 + rng.nextInt(1300);
            case "PRECE" -> 30 + rng.nextInt(170);
            case "SSCAN" -> 300 + rng.nextInt(2700);
            default -> 50;
        };
    }

    private void copyMissionDays(Missions missions) throws SQLException {
        DemoCalendar calendar = context.calendar();
        context.loader().copy("mission_jour", "mission_id, jour", w -> {
            for (int i = 0; i < missions.count(); i++) {
                for (int d = 0; d < missions.days(i); d++) {
                    w.num(i + 1).raw(calendar.date(missions.start(i) + d)).endRow();
                }
            }
        });
    }

    /** Codes like {@code 2KQB}: the commission's rank in its mission and three random letters. */
    private void copyCommissions(Missions missions) throws SQLException {
        context.loader().copy("commission", "id, mission_id, code, salle, nb_candidats", w -> {
            for (int i = 0; i < missions.count(); i++) {
                for (int c = 0; c < missions.commissionCount(i); c++) {
                    int cid = missions.firstCommission(i) + c;
                    StringBuilder code = w.num(cid + 1L).num(i + 1).begin().append(c + 1);
                    for (int l = 0; l < 3; l++) {
                        code.append(LETTERS.charAt(rng.nextInt(26)));
                    }
                    w.text(missions.commissionSalle(cid)).num(10 + rng.nextInt(60)).endRow();
                }
            }
        });
    }

    private void copyCommissionDays(Missions missions) throws SQLException {
        DemoCalendar calendar = context.calendar();
        context.loader().copy("commission_jour", "commission_id, jour", w -> {
            for (int i = 0; i < missions.count(); i++) {
                for (int c = 0; c < missions.commissionCount(i); c++) {
                    int cid = missions.firstCommission(i) + c;
                    int first = missions.start(i) + missions.commissionDayOffset(cid);
                    for (int d = 0; d < missions.commissionDayCount(cid); d++) {
                        w.num(cid + 1L).raw(calendar.date(first + d)).endRow();
                    }
                }
            }
        });
    }

    private void copyJuries(Missions missions) throws SQLException {
        context.loader().copy("jury", "id, mission_id, code", w -> {
            for (int i = 0; i < missions.count(); i++) {
                for (int j = 0; j < missions.juryCount(i); j++) {
                    w.num(missions.firstJury(i) + j + 1L).num(i + 1).raw("J" + Digits.padded(j + 1, 2)).endRow();
                }
            }
        });
    }
}
