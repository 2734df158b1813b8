package fr.education.imagin.plugin.api;

import java.util.Optional;

/**
 * A pre-condition the platform checks before anyone is convened to a mission of a type (e.g.
 * SPEC CONV-9: INEC missions only once Cyclades finished assigning the candidates).
 */
@FunctionalInterface
public interface ConvocationCheck {

    /**
     * Why convening to this mission is not possible now, as the French message shown in the
     * user's console; empty when it is possible.
     */
    Optional<String> refusal(MissionFacts mission);
}
