package fr.education.imagin.interacademies;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * INDISPO-4: what académie {@code fromTenant} tells the home académie {@code toTenant} of a
 * person (matched there by {@code numen}) about its affectation {@code affectationId}: the
 * convocation's recap (shape: db/tenant/V5) and its time slots, or, with an empty recap, that
 * the convocation no longer exists. Each message carries the whole state, never a difference.
 */
public record CrossAcademyConvocation(String fromTenant, long affectationId, String toTenant, String numen,
                                      Optional<JsonObject> recap, List<Creneau> creneaux) {

    /** One day of the convocation with its times: one unavailability in the home académie. */
    public record Creneau(LocalDate jour, LocalTime debut, LocalTime fin) {
        public Creneau {
            Objects.requireNonNull(jour);
            if (!fin.isAfter(debut)) {
                throw new IllegalArgumentException("a time slot ends after it starts");
            }
        }

        JsonObject toJson() {
            return new JsonObject().put("jour", jour.toString())
                    .put("debut", debut.toString().substring(0, 5)).put("fin", fin.toString().substring(0, 5));
        }
    }

    public CrossAcademyConvocation {
        Objects.requireNonNull(fromTenant);
        Objects.requireNonNull(toTenant);
        Objects.requireNonNull(numen);
        Objects.requireNonNull(recap);
        if (fromTenant.equals(toTenant)) {
            throw new IllegalArgumentException("a convocation in the person's own académie is not a cross-académie one");
        }
        creneaux = recap.isEmpty() ? List.of() : List.copyOf(creneaux);
    }

    /** The same convocation, deleted: the home académie removes what it caused. */
    public CrossAcademyConvocation deleted() {
        return new CrossAcademyConvocation(fromTenant, affectationId, toTenant, numen, Optional.empty(), List.of());
    }

    /** Idempotency key, kept on the home académie's rows: {@code <from>:<affectation id>}. */
    public String key() {
        return fromTenant + ":" + affectationId;
    }

    JsonArray creneauxJson() {
        JsonArray array = new JsonArray();
        creneaux.forEach(c -> array.add(c.toJson()));
        return array;
    }
}
