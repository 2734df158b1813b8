package fr.education.imagin.core.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

import java.time.Duration;

/**
 * Cluster-wide limit on failed logins, per account and per address, over a sliding window
 * restarted by each failure. Guessing a password through many members gains nothing.
 */
public final class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_FAILURES_PER_ACCOUNT = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    private static final String MAP = "imagin.login-failures";

    private final Vertx vertx;

    public LoginThrottle(Vertx vertx) {
        this.vertx = vertx;
    }

    public Future<Boolean> allowed(String login, String address) {
        return map().compose(failures -> Future.all(failures.get(accountKey(login)), failures.get(addressKey(address))))
                .map(counts -> count(counts.resultAt(0)) < MAX_FAILURES_PER_ACCOUNT
                        && count(counts.resultAt(1)) < MAX_FAILURES_PER_ADDRESS);
    }

    public Future<Void> recordFailure(String login, String address) {
        return map().compose(failures -> Future.all(
                increment(failures, accountKey(login)), increment(failures, addressKey(address)))).mapEmpty();
    }

    public Future<Void> reset(String login) {
        return map().compose(failures -> failures.remove(accountKey(login))).mapEmpty();
    }

    private static Future<Void> increment(AsyncMap<String, Integer> failures, String key) {
        return failures.get(key).compose(current -> failures.put(key, count(current) + 1, WINDOW.toMillis()));
    }

    private static int count(Object value) {
        return value == null ? 0 : (Integer) value;
    }

    private static String accountKey(String login) {
        return "account:" + login.toLowerCase();
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private Future<AsyncMap<String, Integer>> map() {
        return vertx.sharedData().getAsyncMap(MAP);
    }
}
