package fr.education.imagin.demo;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What all the generators of one run share: the seed, the académie, the size asked for, the run's
 * calendar and the loader their rows go through. What they generate is passed on explicitly instead
 * (establishments, staff, exam reference data, missions), so each generator says what it depends on.
 */
record GenerationContext(long seed, AcademyProfile profile, DemoSize size, DemoCalendar calendar, BulkLoader loader) {

    /**
     * One independent random stream per generator, so that adding a draw to one never shifts the
     * data of another. The numbers are part of what a seed means: changing one changes the data.
     */
    enum RandomStream {
        COMMUNES(0),
        ETABLISSEMENTS(1),
        PERSONNELS(2),
        ENSEIGNEMENTS(3),
        INDISPONIBILITES(4),
        COMPETENCES(5),
        MISSION_PLANS(6),
        MISSION_ROWS(7),
        AFFECTATIONS(8),
        SIGNATURES(9),
        CENTRE_SCENARIO(10);

        private final int number;

        RandomStream(int number) {
            this.number = number;
        }
    }

    SplittableRandom random(RandomStream stream) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (stream.number + 1)));
    }

    /** The académie's mail domain, {@code ac-<tenant code>.fr}. */
    String mailDomain() {
        return "ac-" + profile.tenantCode().toLowerCase(Locale.ROOT) + ".fr";
    }

    /** The domain of the académie's contact mail, where its exam divisions' mails are ({@code ac-toulouse.fr}). */
    String contactDomain() {
        String mail = profile.contactMail();
        return mail.substring(mail.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
