package fr.education.imagin.core.security;

import fr.education.imagin.demo.DemoAccount;
import fr.education.imagin.testkit.Browser;
import fr.education.imagin.testkit.SharedPlatform;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #10 point 1: checking and counting a login attempt is one atomic step, and nobody can lock a user out. */
class LoginThrottleTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        // The accounts locked out here are demo accounts other classes sign in with on the shared
        // platform: forget this class's failures rather than lock them out for the next 15 minutes.
        SharedPlatform.get().vertx().sharedData().<String, Integer>getAsyncMap(LoginThrottle.MAP)
                .compose(failures -> failures.clear()).await();
    }

    @Test
    void sixtyParallelWrongPasswordsFromOneAddressAreMostlyRefusedUnchecked() throws Exception {
        String base = SharedPlatform.baseUrl();
        DemoAccount target = SharedPlatform.get().demoAccounts().stream()
                .filter(a -> a.login().startsWith("ce.") && !a.login().startsWith("ce.delegations"))
                .reduce((first, second) -> second).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String guess = "mauvais-" + i;
                answers.add(CompletableFuture.supplyAsync(() -> new Browser().login(base, target.tenantCode(), target.login(), guess), pool));
            }
            int checked = 0;
            int throttled = 0;
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
                if (response.statusCode() == 401) {
                    checked++;
                } else {
                    assertThat(response.statusCode()).isEqualTo(429);
                    assertThat(response.body()).contains("Trop de tentatives de connexion infructueuses");
                    throttled++;
                }
            }
            assertThat(checked).as("passwords checked").isLessThanOrEqualTo(LoginThrottle.MAX_FAILURES_PER_PAIR);
            assertThat(checked + throttled).isEqualTo(60);
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> right = new Browser().login(base, target.tenantCode(), target.login(), "imagin-demo");
        assertThat(right.statusCode()).as("this address stays locked out of this account").isEqualTo(429);
    }

    @Test
    void concurrentAttemptsAreCountedBeforeAnyIsChecked() {
        LoginThrottle throttle = new LoginThrottle(vertx);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            attempts.add(throttle.tryAttempt("ce.parallele", "10.0.0.1"));
        }
        Future.all(attempts).await();
        long allowed = attempts.stream().filter(Future::result).count();
        assertThat(allowed).isEqualTo(LoginThrottle.MAX_FAILURES_PER_PAIR);
    }

    @Test
    void concurrentAttemptsAreCountedBeforeAnyIsCheckedAcrossTheCluster() {
        LoginThrottle throttle = new LoginThrottle(SharedPlatform.get().vertx());
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            attempts.add(throttle.tryAttempt("ce.parallele.cluster", "10.0.0.2"));
        }
        Future.all(attempts).await();
        long allowed = attempts.stream().filter(Future::result).count();
        assertThat(allowed).isEqualTo(LoginThrottle.MAX_FAILURES_PER_PAIR);
    }

    @Test
    void othersFailuresNeverLockTheRealUserOut() {
        LoginThrottle throttle = new LoginThrottle(vertx);
        String chef = "ce.0350001a";
        // Attackers spread over addresses, each up to its per-address cap, up to the per-account threshold.
        int failures = 0;
        for (int host = 1; failures < LoginThrottle.SLOW_AFTER_ACCOUNT_FAILURES; host++) {
            String address = "192.0.2." + host;
            for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_PAIR; i++) {
                assertThat(throttle.tryAttempt(chef, address).await()).isTrue();
                failures++;
            }
            assertThat(throttle.tryAttempt(chef, address).await()).as("this address is locked out of the account").isFalse();
        }
        // The real user, from the establishment's address, still gets in.
        assertThat(throttle.tryAttempt(chef, "198.51.100.7").await()).isTrue();
        throttle.succeeded(chef, "198.51.100.7").await();
        // Past the threshold the account is only slowed down: one attempt per SLOW_DOWN from each address.
        assertThat(throttle.tryAttempt(chef, "203.0.113.1").await()).isTrue();
        assertThat(throttle.tryAttempt(chef, "203.0.113.1").await()).as("slowed down").isFalse();
        assertThat(throttle.tryAttempt(chef, "198.51.100.7").await()).as("the real user's address has its own slot").isTrue();
        assertThat(throttle.tryAttempt(chef, "198.51.100.7").await()).as("slowed down, not locked").isFalse();
        throttle.succeeded(chef, "198.51.100.7").await();
        assertThat(throttle.tryAttempt(chef, "198.51.100.7").await()).as("a success frees the slot").isTrue();
    }

    @Test
    void oneAddressIsCappedOverAllAccounts() {
        LoginThrottle throttle = new LoginThrottle(vertx);
        String address = "10.9.9.9";
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            assertThat(throttle.tryAttempt("compte." + i, address).await()).isTrue();
        }
        assertThat(throttle.tryAttempt("compte.autre", address).await()).isFalse();
        assertThat(throttle.tryAttempt("compte.autre", "10.9.9.10").await()).isTrue();
    }

    @Test
    void aSuccessWithdrawsTheAttempt() {
        LoginThrottle throttle = new LoginThrottle(vertx);
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.tryAttempt("gest.succes", "10.1.1.1").await()).isTrue();
            throttle.succeeded("gest.succes", "10.1.1.1").await();
        }
        assertThat(throttle.tryAttempt("gest.succes", "10.1.1.1").await()).isTrue();
    }
}
