package fr.education.imagin.affectation;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import ai.timefold.solver.core.api.solver.SolverStatus;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The constraint solver of the automatic affectation (Timefold Solver): one per process, one
 * run at a time (two would only share the same two cores), each identified by its key. Runs
 * report their best proposal as it improves and once they end, normally or stopped.
 */
public final class AffectationSolver implements AutoCloseable {

    private final SolverManager<PlanAffectation, String> manager;
    private final SolverSettings settings;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    public AffectationSolver(SolverSettings settings) {
        this.settings = settings;
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PlanAffectation.class)
                .withEntityClasses(Poste.class)
                .withConstraintProviderClass(AffectationConstraints.class)
                .withPhases(new ConstructionHeuristicPhaseConfig(),
                        // The time limits bound the search only, so that the last phase always runs.
                        new LocalSearchPhaseConfig().withTerminationConfig(new TerminationConfig()
                                .withSpentLimit(settings.limite())
                                .withUnimprovedSpentLimit(settings.sansAmelioration())),
                        new CustomPhaseConfig().withCustomPhaseCommands(new PlacesVidesPhase()));
        this.manager = SolverManager.create(config, new SolverManagerConfig().withParallelSolverCount("1"));
    }

    public SolverSettings settings() {
        return settings;
    }

    /** Starts solving; {@code best} sees each better proposal, the future completes with the final one. */
    public CompletableFuture<PlanAffectation> solve(String key, PlanAffectation plan, Consumer<PlanAffectation> best) {
        Running running = new Running(new CompletableFuture<>(), new AtomicReference<>(plan));
        running.done().whenComplete((result, error) -> this.running.remove(key));
        this.running.put(key, running);
        manager.solveBuilder()
                .withProblemId(key)
                .withProblem(plan)
                .withBestSolutionConsumer(solution -> {
                    running.latest().set(solution);
                    best.accept(solution);
                })
                .withFinalBestSolutionConsumer(running.done()::complete)
                .withExceptionHandler((id, error) -> running.done().completeExceptionally(error))
                .run();
        return running.done();
    }

    /**
     * Ends the run at once (if it runs here): its final best proposal is what it found so far. A
     * run still waiting for the solver is cancelled without a final solution: it ends with the
     * best it had, the problem as given.
     */
    public void stop(String key) {
        manager.terminateEarly(key);
        Running run = running.get(key);
        if (run != null && manager.getSolverStatus(key) == SolverStatus.NOT_SOLVING) {
            run.done().complete(run.latest().get());
        }
    }

    private record Running(CompletableFuture<PlanAffectation> done, AtomicReference<PlanAffectation> latest) {
    }

    /** Score levels of a proposal, as the page and the table store them. */
    public record Score(long dur, long moyen, long souple) {
        static Score of(HardMediumSoftLongScore score) {
            return score == null ? new Score(0, 0, 0) : new Score(score.hardScore(), score.mediumScore(), score.softScore());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
