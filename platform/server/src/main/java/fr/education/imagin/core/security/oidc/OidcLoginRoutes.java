package fr.education.imagin.core.security.oidc;

import fr.education.imagin.core.config.PlatformConfig;
import fr.education.imagin.core.security.LoginFlow;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.security.SignIn;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Login through the académie's Keycloak realm: authorization-code flow with PKCE S256 and a
 * state bound to the session. The callback turns the tokens into the same {@link SessionUser}
 * the built-in login produces and hands it to {@link SignIn}.
 */
public final class OidcLoginRoutes implements LoginFlow {

    private static final Logger LOG = LoggerFactory.getLogger(OidcLoginRoutes.class);
    private static final String STATE = "imagin.oidc.state";
    private static final String VERIFIER = "imagin.oidc.verifier";
    private static final String ID_TOKEN = "imagin.oidc.idToken";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Highest first: a person holding several roles acts with the broadest one. */
    private static final List<Role> ROLE_PRECEDENCE = List.of(Role.GESTIONNAIRE, Role.CHEF_ETABLISSEMENT, Role.ENSEIGNANT);

    private final OidcProviders providers;
    private final SignIn signIn;
    private final PageRenderer pages;
    private final String publicUrl;

    public OidcLoginRoutes(OidcProviders providers, SignIn signIn, PageRenderer pages, String publicUrl) {
        this.providers = providers;
        this.signIn = signIn;
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    @Override
    public void mount(Router router) {
        router.get("/:tenant/connexion").handler(this::redirectToKeycloak);
        router.get("/:tenant/oidc/callback").handler(this::callback);
        router.post("/:tenant/quitter").handler(this::logout);
    }

    private void redirectToKeycloak(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        String state = randomToken();
        String verifier = randomToken() + randomToken();
        ctx.session().put(STATE, state);
        ctx.session().put(VERIFIER, verifier);
        providers.forTenant(tenant).onSuccess(oauth2 -> {
            String url = oauth2.authorizeURL(new OAuth2AuthorizationURL()
                    .setRedirectUri(callbackUrl(tenant))
                    .setScopes(List.of("openid"))
                    .setState(state)
                    .setCodeChallenge(challenge(verifier))
                    .setCodeChallengeMethod("S256"));
            SessionSync.redirect(ctx, url);
        }).onFailure(e -> unavailable(ctx, tenant, e));
    }

    private void callback(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        Session session = ctx.session();
        String expectedState = session.remove(STATE);
        String verifier = session.remove(VERIFIER);
        String state = ctx.request().getParam("state");
        String code = ctx.request().getParam("code");
        if (expectedState == null || verifier == null || code == null || !expectedState.equals(state)) {
            refuse(ctx, 400, "Erreur : La connexion a expiré ou n'est pas valide. Veuillez vous reconnecter.");
            return;
        }
        providers.forTenant(tenant)
                .compose(oauth2 -> oauth2.authenticate(new Oauth2Credentials()
                        .setFlow(OAuth2FlowType.AUTH_CODE)
                        .setCode(code)
                        .setRedirectUri(callbackUrl(tenant))
                        .setCodeVerifier(verifier)))
                .compose(user -> {
                    // Kept for the logout hint, even when refused: "Changer de compte" ends Keycloak's session.
                    String idToken = user.principal().getString("id_token");
                    if (idToken != null) {
                        ctx.session().put(ID_TOKEN, idToken);
                    }
                    Optional<SessionUser> sessionUser = toSessionUser(user, tenant);
                    if (sessionUser.isEmpty()) {
                        String login = String.valueOf(user.attributes().getJsonObject("accessToken", new JsonObject())
                                .getValue("preferred_username"));
                        return SessionSync.flush(ctx)
                                .compose(v -> signIn.recordRefusal(ctx, tenant, login, "aucun rôle IMAG'IN (Keycloak)"))
                                .onComplete(v -> refuse(ctx, 403, "Erreur : Votre compte n'a aucun rôle IMAG'IN dans cette académie."
                                        + " Demandez-le au gestionnaire de l'académie, ou connectez-vous avec un autre compte."));
                    }
                    return signIn.complete(ctx, tenant, sessionUser.get());
                })
                .onFailure(e -> {
                    LOG.atWarn().addKeyValue("tenant", tenant.code()).addKeyValue("reason", e.getMessage()).log("OpenID Connect login failed");
                    if (!ctx.response().ended()) {
                        refuse(ctx, 401, "Erreur : La connexion n'a pas abouti. Veuillez réessayer.");
                    }
                });
    }

    private void logout(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        SessionUser visitor = SessionUser.of(ctx);
        if (visitor != null && visitor.visits(tenant)) {
            // Leaving a visited académie closes that tab's work only: the home session goes on (guide §4.6).
            ctx.redirect("/" + visitor.tenantCode() + "/");
            return;
        }
        String idToken = ctx.session().get(ID_TOKEN);
        signIn.end(ctx, tenant).onComplete(done -> {
            StringBuilder url = new StringBuilder(providers.realmUrl(tenant)).append("/protocol/openid-connect/logout?client_id=")
                    .append(encode(PlatformConfig.Keycloak.CLIENT_ID))
                    .append("&post_logout_redirect_uri=").append(encode(publicUrl + "/" + tenant.code() + "/connexion"));
            if (idToken != null) {
                url.append("&id_token_hint=").append(encode(idToken));
            }
            ctx.redirect(url.toString());
        });
    }

    /** Maps the access token's claims to the session model; empty when no IMAG'IN role is granted. */
    static Optional<SessionUser> toSessionUser(User user, Tenant tenant) {
        JsonObject token = user.attributes().getJsonObject("accessToken");
        if (token == null) {
            return Optional.empty();
        }
        JsonObject realmAccess = token.getJsonObject("realm_access", new JsonObject());
        JsonArray roles = realmAccess.getJsonArray("roles", new JsonArray());
        Optional<Role> role = ROLE_PRECEDENCE.stream().filter(r -> roles.contains(r.name())).findFirst();
        if (role.isEmpty()) {
            return Optional.empty();
        }
        Object uaiClaim = token.getValue("uai");
        List<String> uais = uaiClaim instanceof JsonArray array ? array.stream().map(String::valueOf).sorted().toList()
                : uaiClaim instanceof String single ? List.of(single) : List.of();
        String login = token.getString("preferred_username");
        String name = token.getString("name", login);
        return Optional.of(new SessionUser(login, name, role.get(), tenant.code(), uais, uais.size() == 1 ? uais.get(0) : null));
    }

    private void unavailable(RoutingContext ctx, Tenant tenant, Throwable e) {
        LOG.atWarn().addKeyValue("tenant", tenant.code()).addKeyValue("reason", e.getMessage()).log("Keycloak unreachable");
        refuse(ctx, 503, "Erreur : Le service d'authentification est momentanément indisponible. "
                + "Si le problème persiste, merci de le signaler au gestionnaire de votre académie.");
    }

    /**
     * Keycloak's login is not the built-in form: the refusal offers to try again, or, when Keycloak
     * still holds a session for the refused account, to end it and sign in as someone else.
     */
    private void refuse(RoutingContext ctx, int status, String message) {
        pages.respond(ctx, status, "connexion/refus-oidc.ftlh",
                Map.of("erreur", message, "keycloakOuvert", ctx.session().get(ID_TOKEN) != null));
    }

    private String callbackUrl(Tenant tenant) {
        return publicUrl + "/" + tenant.code() + "/oidc/callback";
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
