package fr.education.imagin.academies.administration;

import fr.education.imagin.academies.administration.TenantAdministration.NewTenant;
import fr.education.imagin.academies.administration.TenantAdministration.Refusal;
import fr.education.imagin.core.plugins.PluginHost;
import fr.education.imagin.core.plugins.PluginStatus;
import fr.education.imagin.core.security.AccountService;
import fr.education.imagin.core.security.LoginRoutes;
import fr.education.imagin.core.security.LoginThrottle;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.security.SignIn;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The national admin console under {@code /admin/}: its own login (platform accounts of role
 * {@link Role#NATIONAL_ADMIN}), the académies with their state and plugins, creating one,
 * disabling and re-enabling, each académie's plugins and welcome message, and the audit trail
 * of every académie. {@code Platform} mounts the session, body and CSRF handlers first, then
 * {@link #mount}, whose guard refuses everyone but a signed-in national admin.
 */
public final class AdminConsoleRoutes {

    public static final String PREFIX = "/admin";
    static final int JOURNAL_SIZE = 200;
    private static final String BAD_CREDENTIALS = "Erreur : Identifiant ou mot de passe incorrect.";

    private final TenantAdministration administration;
    private final PluginHost plugins;
    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final SignIn signIn;
    private final PageRenderer pages;

    public AdminConsoleRoutes(TenantAdministration administration, PluginHost plugins, AccountService accounts,
                              LoginThrottle throttle, SignIn signIn, PageRenderer pages) {
        this.administration = administration;
        this.plugins = plugins;
        this.accounts = accounts;
        this.throttle = throttle;
        this.signIn = signIn;
        this.pages = pages;
    }

    /** Mounts the login (public), then the guard, then the console's pages. */
    public void mount(Router router) {
        router.get(PREFIX + "/connexion").handler(ctx -> pages.respond(ctx, "admin/connexion.ftlh", Map.of()));
        router.post(PREFIX + "/connexion").handler(this::login);
        router.route(PREFIX + "/*").handler(AdminConsoleRoutes::guard);
        router.post(PREFIX + "/quitter").handler(this::logout);
        router.get(PREFIX + "/").handler(this::academies);
        router.get(PREFIX + "/academies/nouvelle").handler(ctx -> newTenantForm(ctx, 200, Map.of()));
        router.post(PREFIX + "/academies").handler(this::create);
        router.get(PREFIX + "/academies/:code").handler(this::academy);
        router.post(PREFIX + "/academies/:code/desactiver").handler(ctx -> setActive(ctx, false));
        router.post(PREFIX + "/academies/:code/reactiver").handler(ctx -> setActive(ctx, true));
        router.post(PREFIX + "/academies/:code/accueil").handler(this::welcome);
        router.post(PREFIX + "/academies/:code/plugins/:plugin").handler(this::plugin);
        router.get(PREFIX + "/journal").handler(this::journal);
    }

    /** Only a signed-in national admin goes further: strangers are sent to the login, others refused. */
    static void guard(RoutingContext ctx) {
        SessionUser user = SessionUser.of(ctx);
        if (user == null) {
            if ("GET".equals(ctx.request().method().name())) {
                ctx.redirect(PREFIX + "/connexion");
            } else {
                ctx.fail(401);
            }
        } else if (user.role() != Role.NATIONAL_ADMIN) {
            ctx.fail(403);
        } else {
            ctx.next();
        }
    }

    private void login(RoutingContext ctx) {
        String login = trimmed(ctx.request().getFormAttribute("login"));
        String password = ctx.request().getFormAttribute("password");
        String address = SignIn.address(ctx);
        if (login.isEmpty() || password == null || password.isEmpty()) {
            refuseLogin(ctx, 400, "Erreur : Veuillez saisir votre identifiant et votre mot de passe.");
            return;
        }
        throttle.tryAttempt(login, address).compose(allowed -> {
            if (!allowed) {
                refuseLogin(ctx, 429, LoginRoutes.THROTTLED);
                return Future.succeededFuture();
            }
            return accounts.authenticate(login, password).compose(found -> {
                SessionUser user = found.filter(u -> u.role() == Role.NATIONAL_ADMIN).orElse(null);
                if (user == null) {
                    refuseLogin(ctx, 401, BAD_CREDENTIALS);
                    return signIn.recordRefusal(ctx, (String) null, login, "console nationale : identifiant,"
                            + " mot de passe ou rôle incorrect");
                }
                return throttle.succeeded(login, address).compose(v -> signIn.complete(ctx, null, user, PREFIX + "/"));
            });
        }).onFailure(ctx::fail);
    }

    private void refuseLogin(RoutingContext ctx, int status, String message) {
        pages.respond(ctx, status, "admin/connexion.ftlh", Map.of("erreur", message));
    }

    private void logout(RoutingContext ctx) {
        signIn.end(ctx, (String) null).onComplete(done -> ctx.redirect(PREFIX + "/connexion"));
    }

    private void academies(RoutingContext ctx) {
        administration.list().onSuccess(tenants -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Tenant t : tenants) {
                rows.add(Map.of("code", t.code(), "nom", t.nom(), "actif", t.actif(),
                        "plugins", String.join(", ", new TreeSet<>(plugins.enabledPlugins(t.code())))));
            }
            pages.respond(ctx, "admin/academies.ftlh", Map.of("academies", rows));
        }).onFailure(ctx::fail);
    }

    private void newTenantForm(RoutingContext ctx, int status, Map<String, String> values) {
        newTenantForm(ctx, status, values, null);
    }

    /** The form, with the refused values and the field at fault marked (DSFR error state). */
    private void newTenantForm(RoutingContext ctx, int status, Map<String, String> values, Refusal refusal) {
        Map<String, String> form = new HashMap<>(Map.of("code", "", "nom", "", "contact", "", "accueil", "", "gestionnaire", ""));
        form.putAll(values);
        Map<String, Object> model = new HashMap<>(Map.of("form", form, "minMotDePasse", TenantAdministration.MIN_PASSWORD));
        if (refusal != null && refusal.field() != null) {
            model.put("erreur", Map.of("champ", refusal.field(), "texte", refusal.getMessage()));
        }
        pages.respond(ctx, status, "admin/nouvelle.ftlh", model);
    }

    private void create(RoutingContext ctx) {
        NewTenant form = new NewTenant(field(ctx, "code"), field(ctx, "nom"), field(ctx, "contact"), field(ctx, "accueil"),
                field(ctx, "gestionnaire"), ctx.request().getFormAttribute("motDePasse"));
        administration.create(form, actor(ctx), SignIn.address(ctx)).onSuccess(created -> {
            Tenant tenant = created.tenant();
            Console.information(ctx, "L'académie « " + tenant.nom() + " » (" + tenant.code() + ") est créée et ouverte : "
                    + created.summary() + ".");
            redirect(ctx, PREFIX + "/academies/" + tenant.code());
        }).onFailure(e -> {
            if (e instanceof Refusal) {
                Console.erreur(ctx, e.getMessage());
                Map<String, String> values = new LinkedHashMap<>();
                values.put("code", form.code());
                values.put("nom", form.nom());
                values.put("contact", form.contact());
                values.put("accueil", form.accueil());
                values.put("gestionnaire", form.gestionnaire());
                newTenantForm(ctx, 400, values, (Refusal) e);
            } else {
                ctx.fail(e);
            }
        });
    }

    private void academy(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        administration.list().onSuccess(tenants -> {
            Tenant tenant = tenants.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
            if (tenant == null) {
                ctx.fail(404);
                return;
            }
            Set<String> enabled = plugins.enabledPlugins(code);
            List<Map<String, Object>> rows = new ArrayList<>();
            Set<String> listed = new TreeSet<>();
            for (PluginStatus status : plugins.statuses()) {
                listed.add(status.plugin());
                rows.add(Map.of("id", status.plugin(), "version", status.version(), "etat", etat(status.state()),
                        "actif", status.state() == PluginStatus.State.ACTIF, "active", enabled.contains(status.plugin()),
                        "problemes", status.problems().stream().map(p -> p.message()).toList()));
            }
            for (String id : enabled) {
                if (!listed.contains(id)) {
                    rows.add(Map.of("id", id, "version", "", "etat", "Absent de ce serveur", "actif", false, "active", true,
                            "problemes", List.of()));
                }
            }
            pages.respond(ctx, "admin/academie.ftlh", Map.of("a", Map.of("code", tenant.code(), "nom", tenant.nom(),
                    "contact", tenant.contactMail(), "accueil", tenant.messageAccueil(), "actif", tenant.actif()), "plugins", rows));
        }).onFailure(ctx::fail);
    }

    private static String etat(PluginStatus.State state) {
        return switch (state) {
            case ACTIF -> "Chargé";
            case REFUSE -> "Refusé";
            case EN_ECHEC -> "En échec";
        };
    }

    private void setActive(RoutingContext ctx, boolean actif) {
        String code = ctx.pathParam("code");
        administration.setActive(code, actif, actor(ctx), SignIn.address(ctx)).onSuccess(v -> {
            Console.information(ctx, "L'académie « " + code + " » est " + (actif ? "réactivée." : "désactivée."));
            redirect(ctx, PREFIX + "/");
        }).onFailure(e -> refusedThenBack(ctx, e, PREFIX + "/"));
    }

    private void welcome(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        administration.setWelcome(code, ctx.request().getFormAttribute("accueil"), actor(ctx), SignIn.address(ctx))
                .onSuccess(v -> {
                    Console.information(ctx, "Le message d'accueil de l'académie « " + code + " » est enregistré.");
                    redirect(ctx, PREFIX + "/academies/" + code);
                }).onFailure(e -> refusedThenBack(ctx, e, PREFIX + "/academies/" + code));
    }

    private void plugin(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        String plugin = ctx.pathParam("plugin");
        boolean enable = "true".equals(ctx.request().getFormAttribute("activer"));
        String back = PREFIX + "/academies/" + code;
        administration.list().compose(tenants -> tenants.stream().anyMatch(t -> t.code().equals(code))
                        ? Future.succeededFuture()
                        : Future.<Void>failedFuture(new Refusal("L'académie « " + code + " » n'existe pas.")))
                .compose(v -> plugins.setEnabled(code, plugin, enable, actor(ctx)).recover(e -> Future.failedFuture(
                        e instanceof IllegalArgumentException ? new Refusal(e.getMessage()) : e)))
                .compose(v -> administration.record(code, actor(ctx), enable ? "PLUGIN_ACTIVE" : "PLUGIN_DESACTIVE", plugin,
                        SignIn.address(ctx)))
                .onSuccess(v -> {
                    Console.information(ctx, "Le plugin « " + plugin + " » est " + (enable ? "activé" : "désactivé")
                            + " pour l'académie « " + code + " ».");
                    redirect(ctx, back);
                }).onFailure(e -> refusedThenBack(ctx, e, back));
    }

    private void journal(RoutingContext ctx) {
        administration.journal(null, JOURNAL_SIZE).onSuccess(rows -> pages.respond(ctx, "admin/journal.ftlh", Map.of(
                "entrees", rows.stream().map(TenantAdministration.AuditRow::toModel).toList(),
                "taille", JOURNAL_SIZE))).onFailure(ctx::fail);
    }

    private static void refusedThenBack(RoutingContext ctx, Throwable e, String back) {
        if (e instanceof Refusal) {
            Console.erreur(ctx, e.getMessage());
            redirect(ctx, back);
        } else {
            ctx.fail(e);
        }
    }

    /** The console message is in the session: store it before the redirect (next request, any member). */
    private static void redirect(RoutingContext ctx, String to) {
        SessionSync.redirect(ctx, to);
    }

    private static String actor(RoutingContext ctx) {
        return SessionUser.of(ctx).login();
    }

    private static String field(RoutingContext ctx, String name) {
        return trimmed(ctx.request().getFormAttribute(name));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
