package fr.education.imagin.core.web;

import fr.education.imagin.core.config.PlatformConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.util.function.Function;

/** One HTTP server instance; the platform deploys one per core on the same port. */
public final class HttpVerticle extends VerticleBase {

    private final PlatformConfig.Http http;
    private final Function<io.vertx.core.Vertx, Router> routerFactory;

    public HttpVerticle(PlatformConfig.Http http, Function<io.vertx.core.Vertx, Router> routerFactory) {
        this.http = http;
        this.routerFactory = routerFactory;
    }

    @Override
    public Future<?> start() {
        // One form field may be as long as the whole body allows (1 MiB, Platform's body handler):
        // past Vert.x's 8 KiB default a long motif got a bare "Requête invalide" and lost what was
        // typed, instead of the screen's own French message on its own length limit.
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(http.host()).setPort(http.port())
                .setMaxFormAttributeSize(1024 * 1024));
        return server.requestHandler(routerFactory.apply(vertx)).invalidRequestHandler(new MalformedRequests()).listen();
    }
}
