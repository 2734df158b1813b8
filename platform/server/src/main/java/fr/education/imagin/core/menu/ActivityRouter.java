package fr.education.imagin.core.menu;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/** Routes of one activity, under {@code /:tenant/<code>}: {@code get("/")}, {@code get("/:id")}. */
public final class ActivityRouter {

    private final Router router;
    private final Activity activity;

    ActivityRouter(Router router, Activity activity) {
        this.router = router;
        this.activity = activity;
    }

    public Activity activity() {
        return activity;
    }

    public Route get(String path) {
        return router.get(full(path));
    }

    public Route post(String path) {
        return router.post(full(path));
    }

    private String full(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("activity paths start with '/': " + path);
        }
        return "/:tenant/" + activity.code() + path;
    }
}
