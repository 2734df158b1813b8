package fr.education.imagin.core.security;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SH-10's slots against a real session store: a live holder keeps the slot; once its session is
 * gone — Quitter destroys it, the store drops it when it times out — the next login takes over.
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
    void aLiveSessionKeepsItsSlotAndAGoneOneFreesIt() throws Exception {
        Session first = store.createSession(60_000);
        await(store.put(first));
        Session second = store.createSession(60_000);
        await(store.put(second));
        assertThat(await(slots.claim("0310038Y", first.id()))).isTrue();
        assertThat(await(slots.claim("0310038Y", first.id()))).as("the holder again").isTrue();
        assertThat(await(slots.claim("0310038Y", second.id()))).isFalse();
        assertThat(await(slots.claim("0350001A", second.id()))).as("another establishment").isTrue();

        await(store.delete(first.id())); // what a timeout or Quitter leaves behind
        assertThat(await(slots.claim("0310038Y", second.id()))).isTrue();
        Session third = store.createSession(60_000);
        await(store.put(third));
        assertThat(await(slots.claim("0310038Y", third.id()))).as("the new holder is alive").isFalse();
    }

    @Test
    void releaseFreesOnlyTheHoldersSlot() throws Exception {
        Session holder = store.createSession(60_000);
        await(store.put(holder));
        Session other = store.createSession(60_000);
        await(store.put(other));
        assertThat(await(slots.claim("0310038Y", holder.id()))).isTrue();
        await(slots.release("0310038Y", other.id()));
        assertThat(await(slots.claim("0310038Y", other.id()))).as("a stranger cannot free it").isFalse();
        await(slots.release("0310038Y", holder.id()));
        assertThat(await(slots.claim("0310038Y", other.id()))).isTrue();
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
