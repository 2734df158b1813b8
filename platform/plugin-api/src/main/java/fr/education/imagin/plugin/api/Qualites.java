package fr.education.imagin.plugin.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which qualités (the intervenant's role on the convocation) a mission type offers
 * (SPEC CONV-4). Three shapes: the académie's own list, a fixed list, or none at all.
 */
public final class Qualites {

    /** Where the offered qualités come from. */
    public enum Source {
        /** The list the academy office keeps. */
        OFFICE_LIST,
        /** The fixed list of {@link #offered()}. */
        FIXED_LIST,
        /** The mission type takes no qualité (e.g. "Numérisation des copies"). */
        NONE
    }

    private static final Qualites OFFICE = new Qualites(Source.OFFICE_LIST, List.of(), null);
    private static final Qualites NO_QUALITE = new Qualites(Source.NONE, List.of(), null);

    private final Source source;
    private final List<String> offered;
    private final String whenNoneChosen;

    private Qualites(Source source, List<String> offered, String whenNoneChosen) {
        this.source = source;
        this.offered = offered;
        this.whenNoneChosen = whenNoneChosen;
    }

    /** The academy office's list; a qualité must be chosen from it. */
    public static Qualites officeList() {
        return OFFICE;
    }

    /** No qualité is asked. */
    public static Qualites none() {
        return NO_QUALITE;
    }

    /** A fixed list; one of them must be chosen unless {@link #orWhenNoneChosen} says otherwise. */
    public static Qualites oneOf(String... qualites) {
        List<String> list = List.of(qualites);
        if (list.isEmpty() || list.stream().anyMatch(q -> q.isBlank())) {
            throw new IllegalArgumentException("A fixed qualité list needs at least one non-blank qualité");
        }
        if (list.stream().distinct().count() != list.size()) {
            throw new IllegalArgumentException("Duplicate qualité in " + list);
        }
        return new Qualites(Source.FIXED_LIST, list, null);
    }

    /**
     * The qualité recorded when the user chooses none (e.g. "Correcteur Santorin" for EC
     * correction); it need not be one of the offered ones.
     */
    public Qualites orWhenNoneChosen(String qualite) {
        if (source != Source.FIXED_LIST) {
            throw new IllegalStateException("Only a fixed qualité list can have a value for no choice");
        }
        if (qualite == null || qualite.isBlank()) {
            throw new IllegalArgumentException("The qualité recorded when none is chosen cannot be blank");
        }
        return new Qualites(source, offered, qualite);
    }

    public Source source() {
        return source;
    }

    /** The fixed list, in display order; empty for the other sources. */
    public List<String> offered() {
        return offered;
    }

    /** What is recorded when no qualité is chosen; empty means a choice is required. */
    public Optional<String> whenNoneChosen() {
        return Optional.ofNullable(whenNoneChosen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Qualites q && q.source == source && q.offered.equals(offered)
                && Objects.equals(q.whenNoneChosen, whenNoneChosen);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, offered, whenNoneChosen);
    }

    @Override
    public String toString() {
        return switch (source) {
            case OFFICE_LIST -> "office list";
            case NONE -> "none";
            case FIXED_LIST -> offered + (whenNoneChosen == null ? "" : " else " + whenNoneChosen);
        };
    }
}
