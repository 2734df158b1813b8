package fr.education.imagin.core.list;

/**
 * A download button under a list, beside its own CSV and PDF: {@code path} is relative to the
 * list (e.g. {@code missions.csv}) and receives the list's state (filters, keyword, sort), so it
 * exports the rows the user sees. With {@code choixAnnees} the button first opens a dialog asking
 * which years (see {@link ExportYears}), sent as {@code annee} parameters.
 */
public record ExportAction(String libelle, String path, Icon icon, boolean choixAnnees) {

    public enum Icon {
        CSV("fr-icon-download-line"), PDF("fr-icon-file-pdf-line");

        private final String css;

        Icon(String css) {
            this.css = css;
        }

        String css() {
            return css;
        }
    }

    public static ExportAction csv(String path) {
        return new ExportAction("Format CSV", path, Icon.CSV, false);
    }

    public static ExportAction pdf(String path) {
        return new ExportAction("Format PDF", path, Icon.PDF, false);
    }

    /** The same button, asking first for the years of the exported data. */
    public ExportAction askingYears() {
        return new ExportAction(libelle, path, icon, true);
    }

    public ExportAction named(String label) {
        return new ExportAction(label, path, icon, choixAnnees);
    }
}
