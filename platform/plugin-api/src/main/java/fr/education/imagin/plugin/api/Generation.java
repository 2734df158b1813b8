package fr.education.imagin.plugin.api;

import java.util.List;

/** What a generator made of an import: the missions it asks for and what it noticed. */
public record Generation(List<MissionPlan> missions, List<Anomaly> anomalies) {

    public Generation {
        missions = List.copyOf(missions);
        anomalies = List.copyOf(anomalies);
    }

    public static Generation of(List<MissionPlan> missions) {
        return new Generation(missions, List.of());
    }
}
