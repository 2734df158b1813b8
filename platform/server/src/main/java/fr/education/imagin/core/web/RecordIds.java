package fr.education.imagin.core.web;

import io.vertx.ext.web.RoutingContext;

import java.util.OptionalLong;

/**
 * Record ids typed in URLs and forms ({@code /personnels/42}): digits only, or nothing, which
 * the screens answer with their "not found" page rather than a server error.
 */
public final class RecordIds {

    private RecordIds() {
    }

    /** The id in path parameter {@code name}; when it is not one, the request is answered 404 and this is empty. */
    public static OptionalLong fromPath(RoutingContext ctx, String name) {
        OptionalLong id = parse(ctx.pathParam(name));
        if (id.isEmpty()) {
            ctx.fail(404);
        }
        return id;
    }

    public static OptionalLong parse(String text) {
        String value = text == null ? null : text.strip();
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value));
    }
}
