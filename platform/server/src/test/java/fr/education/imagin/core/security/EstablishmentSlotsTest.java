package fr.education.imagin.core.security;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SH-10's slots against a real session store: a new sign-in takes the UAI's slot and ends the
 * live session that held it, so two sessions never live at once for one establishment and a tab
 * left open elsewhere locks nobody out; only the holder's Quitter frees the slot.
 */
class EstablishmentSlotsTest {

    private Vertx vertx;
    private SessionStore store;
    private EstablishmentSlots slots;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        store = LocalSessionStore.create(vertx);
        slots = new EstablishmentSlots(vertx, store);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aNewSignInEndsTheLiveSessionHoldingTheSlot() throws Exception {
        Session first = live();
        Session second = live();
        assertThat(await(slots.takeOver("0310038Y", first.id()))).as("a free slot").isEmpty();
        assertThat(await(slots.takeOver("0310038Y", first.id()))).as("the holder again").isEmpty();
        assertThat(await(slots.takeOver("0350001A", second.id()))).as("another establishment").isEmpty();
        assertThat(await(store.get(first.id()))).as("untouched by another establishment's sign-in").isNotNull();

        assertThat(await(slots.takeOver("0310038Y", second.id()))).contains(first.id());
        Session ended = await(store.get(first.id()));
        assertThat(ended.<Object>get(SessionUser.SESSION_KEY)).as("the session taken over is signed out").isNull();
        assertThat(EstablishmentSlots.replacedFor(ended)).as("and knows why").isEqualTo("0310038Y");
        assertThat(await(store.get(second.id())).<Object>get(SessionUser.SESSION_KEY)).isNotNull();
    }

    @Test
    void aSlotHeldByASessionAlreadyOverIsTakenSilently() throws Exception {
        Session gone = live();
        assertThat(await(slots.takeOver("0310038Y", gone.id()))).isEmpty();
        await(store.delete(gone.id())); // what a timeout leaves behind
        assertThat(await(slots.takeOver("0310038Y", live().id()))).as("nobody to tell").isEmpty();
    }

    @Test
    void concurrentSignInsLeaveOneLiveSession() throws Exception {
        Session holder = live();
        await(slots.takeOver("0310038Y", holder.id()));
        java.util.List<Session> contenders = java.util.List.of(live(), live(), live(), live());
        await(io.vertx.core.Future.all(contenders.stream().map(c -> slots.takeOver("0310038Y", c.id())).toList()));
        long alive = 0;
        for (Session s : java.util.List.of(holder, contenders.get(0), contenders.get(1), contenders.get(2), contenders.get(3))) {
            Session stored = await(store.get(s.id()));
            alive += stored == null || stored.get(SessionUser.SESSION_KEY) == null ? 0 : 1;
        }
        assertThat(alive).as("sessions still signed in for the establishment").isEqualTo(1);
    }

    @Test
    void releaseFreesOnlyTheHoldersSlot() throws Exception {
        Session holder = live();
        Session other = live();
        assertThat(await(slots.takeOver("0310038Y", holder.id()))).isEmpty();
        await(slots.release("0310038Y", other.id()));
        assertThat(await(slots.takeOver("0310038Y", other.id()))).as("a stranger could not free it: the holder is ended")
                .contains(holder.id());
        await(slots.release("0310038Y", other.id()));
        assertThat(await(slots.takeOver("0310038Y", live().id()))).as("freed by its holder").isEmpty();
    }

    private Session live() throws Exception {
        Session session = store.createSession(60_000);
        new SessionUser("ce.0310038y", "Chef", Role.CHEF_ETABLISSEMENT, "toulouse", List.of("0310038Y"), "0310038Y")
                .storeIn(session);
        await(store.put(session));
        return session;
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
