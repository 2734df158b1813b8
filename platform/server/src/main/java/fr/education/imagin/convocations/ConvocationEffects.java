package fr.education.imagin.convocations;

import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.interacademies.CrossAcademyRelay;
import fr.education.imagin.santorin.SantorinOutbox;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.List;

/**
 * What a change to a mission's convened list tells the systems around the académie, in the same
 * transaction as the change: SANTORIN gets the new list of an EC / ECE / numérisation mission
 * (CONV-11, EC-6), and the home académie of a person from elsewhere gets, through the cluster's
 * durable queue, the unavailability the convocation causes (INDISPO-4).
 */
public final class ConvocationEffects {

    private final SantorinOutbox santorin;
    private final CrossAcademyRelay relay;

    public ConvocationEffects(SantorinOutbox santorin, CrossAcademyRelay relay) {
        this.santorin = santorin;
        this.relay = relay;
    }

    /** After affectations of the mission were created, modified or (with none listed) deleted. */
    public Future<Void> afterChange(SqlConnection conn, Tenant tenant, MissionConvocation mission, List<Long> affectations) {
        Future<Void> done = mission.transmittedToSantorin() ? santorin.append(conn, mission.id()) : Future.succeededFuture();
        for (Long affectation : affectations) {
            done = done.compose(v -> relay.current(conn, tenant, affectation))
                    .compose(change -> change.isPresent() ? relay.publish(conn, change.get()) : Future.succeededFuture());
        }
        return done;
    }

    /** Before an affectation is deleted: its person's home académie removes what it caused. */
    public Future<Void> beforeDelete(SqlConnection conn, Tenant tenant, long affectationId) {
        return relay.current(conn, tenant, affectationId)
                .compose(change -> change.isPresent() ? relay.publish(conn, change.get().deleted()) : Future.succeededFuture());
    }

    /** Once the transaction committed: the queue's consumers look at once rather than at their next poll. */
    public void afterCommit() {
        relay.wake();
    }
}
