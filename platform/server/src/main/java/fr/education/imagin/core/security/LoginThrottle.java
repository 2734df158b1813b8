package fr.education.imagin.core.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

import java.time.Duration;
import java.util.function.Function;

/**
 * Cluster-wide limit on failed logins. Checking and counting an attempt is one step, taken under a
 * cluster-wide lock: {@link #tryAttempt} counts the attempt as a failure before the password is checked,
 * {@link #succeeded} withdraws it, so concurrent guesses cannot all pass the check before any is counted.
 * <ul>
 *   <li>per account and address: {@value #MAX_FAILURES_PER_PAIR} failures, then that address is locked out of
 *       that account for {@link #WINDOW} (restarted by each failure);</li>
 *   <li>per address: {@value #MAX_FAILURES_PER_ADDRESS} failures over all accounts, same window;</li>
 *   <li>per account, from every address: past {@value #SLOW_AFTER_ACCOUNT_FAILURES} failures the account is only
 *       slowed down, to one attempt per {@link #SLOW_DOWN} from each address, never locked: a third party cannot
 *       keep the real user (e.g. a chef d'établissement) out, since their own address keeps its own slot.</li>
 * </ul>
 */
public final class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration SLOW_DOWN = Duration.ofSeconds(30);
    public static final int MAX_FAILURES_PER_PAIR = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final int SLOW_AFTER_ACCOUNT_FAILURES = 50;
    /** The cluster-wide failure counts (package-visible so that tests on the shared platform can forget theirs). */
    static final String MAP = "imagin.login-failures";
    private static final String LOCK = "imagin.login-throttle";
    private static final long LOCK_TIMEOUT_MS = 10_000;

    private final Vertx vertx;

    public LoginThrottle(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Atomically (cluster-wide) decides whether this attempt may check a password and, if so, counts it as a
     * failure until {@link #succeeded} withdraws it. False: refuse without checking the password.
     */
    public Future<Boolean> tryAttempt(String login, String address) {
        String pair = pairKey(login, address);
        String account = accountKey(login);
        String host = addressKey(address);
        return locked(failures -> Future.all(failures.get(pair), failures.get(host), failures.get(account),
                failures.get(slotKey(login, address))).compose(counts -> {
            int pairFailures = count(counts.resultAt(0));
            int addressFailures = count(counts.resultAt(1));
            int accountFailures = count(counts.resultAt(2));
            boolean slotTaken = counts.resultAt(3) != null;
            boolean slowed = accountFailures >= SLOW_AFTER_ACCOUNT_FAILURES;
            if (pairFailures >= MAX_FAILURES_PER_PAIR || addressFailures >= MAX_FAILURES_PER_ADDRESS
                    || (slowed && slotTaken)) {
                return Future.succeededFuture(false);
            }
            long window = WINDOW.toMillis();
            return Future.all(failures.put(pair, pairFailures + 1, window),
                            failures.put(host, addressFailures + 1, window),
                            failures.put(account, accountFailures + 1, window),
                            slowed ? failures.put(slotKey(login, address), 1, SLOW_DOWN.toMillis()) : Future.succeededFuture())
                    .map(true);
        }));
    }

    /**
     * The attempt counted by {@link #tryAttempt} succeeded: withdraw it, forget this pair's failures and free the
     * slow-down slot it may have taken.
     */
    public Future<Void> succeeded(String login, String address) {
        return locked(failures -> failures.remove(pairKey(login, address))
                .compose(v -> failures.remove(slotKey(login, address)))
                .compose(v -> decrement(failures, addressKey(address)))
                .compose(v -> decrement(failures, accountKey(login))));
    }

    /**
     * Runs one step under the member's local lock, then the cluster lock. Both are needed: the Hazelcast lock is a
     * map lock owned by a thread, so two acquisitions from the same worker thread of one member both succeed.
     */
    private <T> Future<T> locked(Function<AsyncMap<String, Integer>, Future<T>> step) {
        return vertx.sharedData().getLocalLockWithTimeout(LOCK + ".member", LOCK_TIMEOUT_MS).compose(local ->
                vertx.sharedData().getLockWithTimeout(LOCK, LOCK_TIMEOUT_MS).compose(cluster -> {
                    Future<T> done;
                    try {
                        done = map().compose(step);
                    } catch (RuntimeException e) {
                        done = Future.failedFuture(e);
                    }
                    return done.andThen(r -> cluster.release());
                }).andThen(r -> local.release()));
    }

    private static Future<Void> decrement(AsyncMap<String, Integer> failures, String key) {
        // Keeps the window of the other failures: put with the full window again is fine (it only extends).
        return failures.get(key).compose(current -> count(current) <= 1
                ? failures.remove(key).mapEmpty()
                : failures.put(key, count(current) - 1, WINDOW.toMillis()));
    }

    private static int count(Object value) {
        return value == null ? 0 : (Integer) value;
    }

    private static String pairKey(String login, String address) {
        return "pair:" + login.toLowerCase() + "|" + address;
    }

    private static String accountKey(String login) {
        return "account:" + login.toLowerCase();
    }

    private static String slotKey(String login, String address) {
        return "slot:" + login.toLowerCase() + "|" + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private Future<AsyncMap<String, Integer>> map() {
        return vertx.sharedData().getAsyncMap(MAP);
    }
}
