package fr.education.imagin.signatures;

import fr.education.imagin.convocations.Convocation;
import fr.education.imagin.convocations.ConvocationDocuments;
import fr.education.imagin.core.export.Downloads;
import fr.education.imagin.core.format.FrenchGrammar;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;
import fr.education.imagin.core.menu.Establishment;
import fr.education.imagin.core.menu.WorkContext;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import fr.education.imagin.signatures.SignatureService.Signataire;
import fr.education.imagin.signatures.SignatureService.Signature;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Signature centre pour la convocation" and "Signature établissement pour la convocation"
 * (guide §4.4): the exam centre enters autorité, intitulé, nom and ville of each signatory,
 * previews a fictive convocation with them ("Prévisualiser convocation") and saves them
 * ("Sauvegarder"). Convocations of the centre's missions print the block the mission asks for.
 */
public final class SignatureActivity implements ActivityModule {

    /** Longest value of a field: a signature block is a few short lines. */
    static final int MAX_LENGTH = 100;
    private static final List<String> FIELDS = List.of("autorite", "intitule", "nom", "ville");

    private final Signataire signataire;
    private final SignatureService signatures;
    private final ConvocationDocuments convocations;
    private final PageRenderer pages;

    private SignatureActivity(Signataire signataire, SignatureService signatures, ConvocationDocuments convocations,
                              PageRenderer pages) {
        this.signataire = signataire;
        this.signatures = signatures;
        this.convocations = convocations;
        this.pages = pages;
    }

    /** The two activities of the menu, one per signatory. */
    public static List<ActivityModule> both(SignatureService signatures, ConvocationDocuments convocations, PageRenderer pages) {
        return List.of(new SignatureActivity(Signataire.CENTRE, signatures, convocations, pages),
                new SignatureActivity(Signataire.ETABLISSEMENT, signatures, convocations, pages));
    }

    @Override
    public Activity activity() {
        return signataire == Signataire.CENTRE ? Activity.SIGNATURE_CENTRE : Activity.SIGNATURE_ETABLISSEMENT;
    }

    @Override
    public void mount(ActivityRouter routes) {
        routes.get("/").handler(this::form);
        routes.post("/").handler(this::save);
        // A POST like the saving, so the form's CSRF token never lands in a URL.
        routes.post("/apercu.pdf").handler(this::preview);
    }

    private void form(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        // After a refused submission (post/redirect/get): what was typed, drawn with a fresh CSRF token.
        JsonObject refused = ctx.session() == null ? null : ctx.session().remove(refusedKey());
        if (refused != null) {
            pages.respond(ctx, "signatures/signature.ftlh", model(tenant, WorkContext.establishment(ctx), read(refused))).onFailure(ctx::fail);
            return;
        }
        signatures.find(tenant, WorkContext.establishment(ctx).uai(), signataire)
                .compose(found -> pages.respond(ctx, "signatures/signature.ftlh",
                        model(tenant, WorkContext.establishment(ctx), found.orElse(Signature.VIDE))))
                .onFailure(ctx::fail);
    }

    private void save(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        Optional<Signature> valid = typed(ctx, tenant);
        if (valid.isEmpty()) {
            return;
        }
        Signature typed = valid.get();
        SessionUser user = SessionUser.of(ctx);
        String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        signatures.save(tenant, WorkContext.establishment(ctx).uai(), signataire, typed, user.login(), address).onSuccess(v -> {
            Console.information(ctx, "La signature du " + who() + " est enregistrée : elle figurera sur les convocations "
                    + "qui portent sa signature.");
            SessionSync.redirect(ctx, activity().path(tenant.code()));
        }).onFailure(ctx::fail);
    }

    /** A fictive convocation signed with the values typed (saved or not), to see before saving. */
    private void preview(RoutingContext ctx) {
        Tenant tenant = TenantHandler.current(ctx);
        Optional<Signature> valid = typed(ctx, tenant);
        if (valid.isEmpty()) {
            return;
        }
        Signature typed = valid.get();
        Establishment centre = WorkContext.establishment(ctx);
        convocations.preview(tenant, new Convocation.Centre(centre.uai(), centre.nom(), "", centre.commune(), "", ""),
                        new Convocation.Signature(typed.autorite(), typed.intitule(), typed.nom(), typed.ville()))
                .compose(document -> Downloads.prepare(ctx.response(), "application/pdf",
                        Downloads.fileName("pdf", "apercu-convocation", centre.uai())).end(document))
                .onFailure(ctx::fail);
    }

    /**
     * The block the form sent; if it cannot be used, the reasons in the console and a redirect to
     * the form, which shows what was typed: drawn by a GET, it carries a token the next submission
     * can use (a form drawn in the refused POST's response could not be submitted again), and empty.
     */
    private Optional<Signature> typed(RoutingContext ctx, Tenant tenant) {
        Signature typed = read(ctx.request().formAttributes());
        List<String> errors = check(typed);
        if (errors.isEmpty()) {
            return Optional.of(typed);
        }
        errors.forEach(error -> Console.erreur(ctx, error));
        if (ctx.session() != null) {
            ctx.session().put(refusedKey(), new JsonObject().put("autorite", typed.autorite())
                    .put("intitule", typed.intitule()).put("nom", typed.nom()).put("ville", typed.ville()));
        }
        SessionSync.flush(ctx).onComplete(stored -> ctx.response().setStatusCode(303)
                .putHeader("Location", activity().path(tenant.code())).putHeader("Cache-Control", "no-store").end());
        return Optional.empty();
    }

    private String refusedKey() {
        return "imagin.signatures.saisieRefusee." + signataire.name();
    }

    private static Signature read(MultiMap params) {
        return read(params::get);
    }

    private static Signature read(JsonObject refused) {
        return read(refused::getString);
    }

    private static Signature read(java.util.function.Function<String, String> params) {
        List<String> values = new ArrayList<>();
        for (String field : FIELDS) {
            String value = params.apply(field);
            values.add(value == null ? "" : value.strip());
        }
        return new Signature(values.get(0), values.get(1), values.get(2), values.get(3));
    }

    /** French messages for the console; empty when the block can be saved. */
    static List<String> check(Signature signature) {
        List<String> errors = new ArrayList<>();
        if (signature.nom().isEmpty()) {
            errors.add("Erreur : le champ « Nom » est obligatoire ; rien n'a été enregistré.");
        }
        if (signature.ville().isEmpty()) {
            errors.add("Erreur : le champ « Ville » est obligatoire ; rien n'a été enregistré.");
        }
        List<List<String>> labelled = List.of(List.of("Autorité", signature.autorite()),
                List.of("Intitulé", signature.intitule()), List.of("Nom", signature.nom()), List.of("Ville", signature.ville()));
        for (List<String> field : labelled) {
            if (field.get(1).length() > MAX_LENGTH) {
                errors.add("Erreur : le champ « " + field.get(0) + " » dépasse " + MAX_LENGTH
                        + " caractères ; rien n'a été enregistré.");
            }
        }
        return errors;
    }

    private Map<String, Object> model(Tenant tenant, Establishment establishment, Signature signature) {
        Map<String, Object> model = new HashMap<>();
        model.put("titre", activity().libelle());
        model.put("signataire", signataire == Signataire.CENTRE ? "Chef de centre" : "Chef d'établissement");
        model.put("action", activity().path(tenant.code()));
        model.put("apercu", activity().path(tenant.code()) + "apercu.pdf");
        model.put("signature", Map.of("autorite", signature.autorite(), "intitule", signature.intitule(),
                "nom", signature.nom(), "ville", signature.ville()));
        model.put("maximum", MAX_LENGTH);
        model.put("exemples", examples(tenant, establishment));
        return model;
    }

    /**
     * The fields' examples fit this block and this académie: for the rector in an académie, for
     * the director in a service such as the SIEC; each block its own signatory's title; the town
     * is the establishment's own.
     */
    private Map<String, String> examples(Tenant tenant, Establishment establishment) {
        boolean academie = tenant.nom().toUpperCase(Locale.FRENCH).startsWith("ACADEMIE");
        String autorite = academie ? "Pour le recteur et par délégation" : "Pour le directeur et par délégation";
        String intitule = signataire == Signataire.CENTRE ? "Le chef de centre" : "Le chef d'établissement";
        String ville = FrenchGrammar.placeName(establishment.commune());
        return Map.of("autorite", autorite, "intitule", intitule, "nom", "Prénom NOM",
                "ville", ville.isEmpty() ? "la commune de l'établissement" : ville);
    }

    private String who() {
        return signataire == Signataire.CENTRE ? "chef de centre" : "chef d'établissement";
    }
}
