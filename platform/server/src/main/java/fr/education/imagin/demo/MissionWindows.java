package fr.education.imagin.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** When in the year each type of mission happens, by exam family: the exam calendar of a session. */
final class MissionWindows {

    /** From {@code fromMonth/fromDay} to {@code toMonth/toDay} inclusive, any year. */
    record Window(int fromMonth, int fromDay, int toMonth, int toDay) {
        LocalDate from(int year) {
            return LocalDate.of(year, fromMonth, fromDay);
        }

        LocalDate to(int year) {
            return LocalDate.of(year, toMonth, toDay);
        }
    }

    private MissionWindows() {}

    /** Some types have two seasons (March and June written exams): {@code rng} picks one. */
    static Window of(String famille, String type, SplittableRandom rng) {
        return switch (famille) {
            case "BAC_GENERAL", "BAC_TECHNO" -> switch (type) {
                case "CORR" -> rng.nextDouble() < 0.2 ? w(3, 16, 3, 27) : w(6, 15, 6, 30);
                case "ORAL" -> w(6, 19, 7, 3);
                case "JURY" -> w(7, 1, 7, 8);
                case "SURV" -> rng.nextDouble() < 0.2 ? w(3, 16, 3, 20) : w(6, 12, 6, 24);
                case "PRAT" -> w(3, 1, 5, 29);
                case "COEC" -> w(6, 12, 6, 28);
                case "INEC" -> w(6, 20, 6, 30);
                case "PRECE" -> rng.nextDouble() < 0.5 ? w(3, 23, 4, 3) : w(6, 2, 6, 12);
                case "SSCAN" -> w(6, 12, 6, 20);
                default -> w(6, 1, 6, 30);
            };
            case "EA" -> switch (type) {
                case "CORR" -> w(6, 12, 6, 26);
                case "ORAL" -> w(6, 20, 7, 3);
                case "JURY" -> w(7, 1, 7, 5);
                case "SURV" -> w(6, 12, 6, 16);
                case "COEC" -> w(6, 14, 6, 28);
                case "INEC" -> w(6, 22, 7, 2);
                case "SSCAN" -> w(6, 12, 6, 18);
                default -> w(6, 1, 6, 30);
            };
            case "DNB" -> switch (type) {
                case "CORR" -> w(6, 26, 7, 3);
                case "ORAL" -> w(5, 18, 6, 12);
                case "SURV" -> w(6, 25, 7, 1);
                case "JURY" -> w(7, 3, 7, 8);
                default -> w(6, 1, 6, 30);
            };
            default -> switch (type) { // BAC_PRO, CAP, BTS
                case "CORR" -> w(5, 20, 6, 20);
                case "ORAL" -> w(5, 12, 6, 12);
                case "PRAT" -> w(4, 20, 6, 5);
                case "SURV" -> w(5, 12, 6, 20);
                case "JURY" -> w(7, 1, 7, 7);
                default -> w(6, 1, 6, 30);
            };
        };
    }

    private static Window w(int fromMonth, int fromDay, int toMonth, int toDay) {
        return new Window(fromMonth, fromDay, toMonth, toDay);
    }
}
