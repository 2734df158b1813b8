package fr.education.imagin.plugin.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the platform knows of one mission when a {@link ConvocationCheck} runs.
 *
 * @param typeCode                    the mission type, e.g. {@code INEC}
 * @param examCode                    the exam, e.g. {@code 470}
 * @param sessionYear                 the session year, e.g. 2021
 * @param epreuveCode                 the épreuve-option code, empty for a session-level mission
 * @param centreUai                   where the mission takes place
 * @param firstDay                    first day of the mission
 * @param lastDay                     last day of the mission
 * @param expectedCandidates          candidates expected on the mission
 * @param candidateAssignmentFinished whether Cyclades reported the candidates' assignment to the
 *                                    épreuve as finished (from the registration import)
 */
public record MissionFacts(String typeCode, String examCode, int sessionYear, Optional<String> epreuveCode,
                           String centreUai, LocalDate firstDay, LocalDate lastDay, int expectedCandidates,
                           boolean candidateAssignmentFinished) {
}
