package fr.education.imagin.core.web;

/**
 * A refusal the user must understand, with its own French wording on the error page (a closed
 * activity, a person outside the establishment...). Fail the route with it:
 * {@code ctx.fail(new PageException(403, "Activité fermée", "..."))}.
 */
public final class PageException extends RuntimeException {

    private final int status;
    private final String titre;

    public PageException(int status, String titre, String message) {
        super(message, null, false, false);
        this.status = status;
        this.titre = titre;
    }

    public int status() {
        return status;
    }

    public String titre() {
        return titre;
    }
}
