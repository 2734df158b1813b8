package fr.education.imagin.demo;

import java.time.LocalDate;

/**
 * The dates of one run, all relative to its "today": the exam sessions, and the text of the days
 * written in the rows (cached: at scale the same few thousand days are written millions of times).
 */
final class DemoCalendar {

    /** Exam sessions generated: current year - 3 .. current year + 1. */
    static final int SESSION_YEARS = 5;

    private final long todayDay;
    private final int currentYear;
    private final long firstCachedDay;
    private final String[] isoDays;

    DemoCalendar(LocalDate today) {
        this.todayDay = today.toEpochDay();
        this.currentYear = today.getYear();
        this.firstCachedDay = LocalDate.of(currentYear - 6, 1, 1).toEpochDay();
        this.isoDays = new String[(int) (LocalDate.of(currentYear + 3, 1, 1).toEpochDay() - firstCachedDay)];
    }

    long todayDay() {
        return todayDay;
    }

    int currentYear() {
        return currentYear;
    }

    int firstSessionYear() {
        return currentYear - 3;
    }

    /** {@code yyyy-mm-dd}. */
    String date(long epochDay) {
        long idx = epochDay - firstCachedDay;
        if (idx >= 0 && idx < isoDays.length) {
            String s = isoDays[(int) idx];
            if (s == null) {
                s = LocalDate.ofEpochDay(epochDay).toString();
                isoDays[(int) idx] = s;
            }
            return s;
        }
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** {@code hh:mm:00}. */
    static String time(int hour, int minute) {
        return Digits.padded(hour, 2) + ":" + Digits.padded(minute, 2) + ":00";
    }

    /** The day itself, or the next Monday when it falls on a week-end. */
    static int onWeekday(int epochDay) {
        return switch (LocalDate.ofEpochDay(epochDay).getDayOfWeek()) {
            case SATURDAY -> epochDay + 2;
            case SUNDAY -> epochDay + 1;
            default -> epochDay;
        };
    }
}
