package fr.education.imagin.core.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The jar's {@code static/} folder (DSFR subset, IMAG'IN styles and scripts) under
 * {@code /static/<version>/}, cached by browsers for a year. The version is a hash of the
 * files computed by the build ({@code static/version.txt}), so every member of a cluster serves
 * the same URLs and a new build changes them.
 */
public final class StaticAssets {

    private static final int ONE_YEAR = 365 * 24 * 3600;
    private final String prefix;

    public StaticAssets() {
        prefix = "/static/" + readVersion();
    }

    /** The URL prefix templates put before asset paths ({@code ${assets}/dsfr/dsfr.min.css}). */
    public String prefix() {
        return prefix;
    }

    public void mount(Router router) {
        router.route(prefix + "/*").handler(StaticHandler.create("static")
                .setMaxAgeSeconds(ONE_YEAR)
                .setDirectoryListing(false)
                .setIncludeHidden(false));
    }

    private static String readVersion() {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream("static/version.txt")) {
            if (in == null) {
                throw new IllegalStateException("static/version.txt is missing: build the server with Maven (it fetches the DSFR)");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
