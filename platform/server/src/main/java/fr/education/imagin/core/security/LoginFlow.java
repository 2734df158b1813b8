package fr.education.imagin.core.security;

import io.vertx.ext.web.Router;

/**
 * How people prove who they are at {@code /:tenant/connexion} and leave at {@code /:tenant/quitter}:
 * the built-in form, or OpenID Connect when Keycloak is configured. Both end in {@link SignIn}.
 */
public interface LoginFlow {
    void mount(Router router);
}
