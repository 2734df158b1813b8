package fr.education.imagin.imports;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.security.AcademyOffice;
import fr.education.imagin.core.security.SessionUser;
import fr.education.imagin.core.tenant.CentreRegistry;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantHandler;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The academy office's imports (GEST-1), one page per {@link ImportKind}: the file's format, an
 * upload form, and the last run with its progress bar (static/imagin/suivi.js polls
 * {@code …/etat} while it runs) or its report. The upload starts the run on this member's import
 * worker and answers at once; the run's state lives in the database, so any member serves the
 * page and its polling.
 */
public final class ImportRoutes {

    static final String PATH = "/administration/imports";
    /** Largest file accepted: a large académie's staff file is about 15 MB. */
    static final long MAX_FILE = 64L * 1024 * 1024;
    /** Rejected rows listed on the page; the count says how many there are in all. */
    static final int REJETS_AFFICHES = 500;
    private static final long HEARTBEAT_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);

    private final Map<ImportKind, Importer> importers;
    private final ImportJobs jobs;
    private final PageRenderer pages;
    private final WorkerExecutor worker;
    private final Vertx vertx;
    private final Path files;
    /** This member's runs, waiting for the worker or running, by id: touched every minute so none looks stale. */
    private final Map<Long, Tenant> active = new ConcurrentHashMap<>();

    public ImportRoutes(Vertx vertx, Map<ImportKind, Importer> importers, ImportJobs jobs, PageRenderer pages) {
        this.importers = new EnumMap<>(importers);
        this.jobs = jobs;
        this.pages = pages;
        this.vertx = vertx;
        // One import at a time per member: the others wait for the worker (the database does the heavy part).
        this.worker = vertx.createSharedWorkerExecutor("imagin-imports", 1);
        this.files = uploads().resolve("runs");
        vertx.setPeriodic(HEARTBEAT_MILLIS, timer -> active.forEach((id, tenant) -> jobs.touch(tenant, id)
                .onFailure(e -> LOG.atWarn().setCause(e).addKeyValue("tenant", tenant.code()).log("import run not touched"))));
    }

    private static Path uploads() {
        return Path.of(System.getProperty("java.io.tmpdir"), "imagin-imports");
    }

    /**
     * Before the académie's body handler (whose limit is 1 MB): a file is received only from the
     * académie's office, up to {@link #MAX_FILE}, into a temporary folder. Every other caller is
     * refused before a byte of the body is read.
     */
    public static void mountUploads(Router router) {
        String path = "/:tenant" + PATH + "/*";
        router.post(path).handler(new AcademyOffice());
        router.post(path).handler(BodyHandler.create(uploads().toString()).setBodyLimit(MAX_FILE)
                .setDeleteUploadedFilesOnEnd(true));
    }

    public void mount(Router router) {
        router.route("/:tenant" + PATH + "/*").handler(new AcademyOffice());
        for (ImportKind kind : importers.keySet()) {
            String path = "/:tenant" + PATH + "/" + kind.chemin();
            router.get(path).handler(ctx -> page(ctx, kind));
            router.post(path).handler(ctx -> upload(ctx, kind));
            router.get(path + "/etat").handler(ctx -> etat(ctx, kind));
        }
    }

    private static String home(RoutingContext ctx, ImportKind kind) {
        return "/" + TenantHandler.current(ctx).code() + PATH + "/" + kind.chemin();
    }

    /** The session key of the run this user started and has not yet been told the outcome of. */
    private static String awaited(ImportKind kind) {
        return "imagin.import." + kind.chemin();
    }

    /** Once the run the user started is over, its outcome goes to the console, once. */
    private static void tellOutcome(RoutingContext ctx, ImportKind kind, ImportJobs.Job job) {
        Session session = ctx.session();
        if (session == null || job.enCours() || !String.valueOf(job.id()).equals(session.get(awaited(kind)))) {
            return;
        }
        session.remove(awaited(kind));
        Optional<ImportReport> report = job.rapport();
        if (report.isEmpty()) {
            Console.erreur(ctx, "L'import du fichier « " + job.nomFichier() + " » n'a pas abouti : rien n'a été enregistré.");
        } else if (report.get().accepted()) {
            Console.information(ctx, "Fichier « " + job.nomFichier() + " » importé : "
                    + kind.bilan(report.get()) + ".");
        } else {
            int rejets = report.get().rejets().size();
            Console.erreur(ctx, "Fichier « " + job.nomFichier() + " » refusé (" + rejets + (rejets > 1 ? " rejets" : " rejet")
                    + ") : rien n'a été enregistré.");
        }
    }

    private void page(RoutingContext ctx, ImportKind kind) {
        jobs.latest(TenantHandler.current(ctx), kind).compose(job -> {
            job.ifPresent(j -> tellOutcome(ctx, kind, j));
            Map<String, Object> model = new HashMap<>();
            model.put("titre", kind.titre());
            model.put("nature", kind.chemin());
            model.put("action", home(ctx, kind));
            model.put("etat", home(ctx, kind) + "/etat");
            model.put("tailleMax", MAX_FILE / (1024 * 1024));
            job.ifPresent(j -> model.put("job", model(kind, j)));
            return pages.respond(ctx, "imports/import.ftlh", model);
        }).onFailure(ctx::fail);
    }

    private static Map<String, Object> model(ImportKind kind, ImportJobs.Job job) {
        Map<String, Object> m = new HashMap<>();
        m.put("enCours", job.enCours());
        m.put("etat", job.etat());
        m.put("fichier", job.nomFichier());
        m.put("avancement", job.avancement());
        m.put("etape", job.etape());
        m.put("lancePar", job.lancePar());
        m.put("lanceLe", date(job.lanceLe()));
        m.put("finiLe", job.finiLe().map(ImportRoutes::date).orElse(""));
        job.rapport().ifPresent(r -> {
            Map<String, Object> rapport = new HashMap<>();
            rapport.put("lignes", r.lignes() + (r.lignes() > 1 ? " lignes lues" : " ligne lue"));
            rapport.put("bilan", kind.bilan(r));
            rapport.put("accepte", r.accepted());
            rapport.put("nbRejets", r.rejets().size());
            List<Map<String, String>> rejets = new ArrayList<>();
            r.rejets().stream().limit(REJETS_AFFICHES).forEach(x -> rejets.add(Map.of(
                    "ligne", x.ligne() == null ? "" : String.valueOf(x.ligne()), "motif", x.motif())));
            rapport.put("rejets", rejets);
            rapport.put("avertissements", r.avertissements());
            rapport.put("informations", r.informations());
            rapport.put("crees", r.totalCrees());
            rapport.put("misAJour", r.totalMisAJour());
            rapport.put("supprimes", r.totalSupprimes());
            rapport.put("avecMisesAJour", kind.metAJour());
            rapport.put("avecSuppressions", kind.supprime());
            List<Map<String, Object>> detail = new ArrayList<>();
            java.util.TreeSet<String> cles = new java.util.TreeSet<>(r.crees().keySet());
            cles.addAll(r.misAJour().keySet());
            cles.addAll(r.supprimes().keySet());
            cles.forEach(k -> detail.add(Map.of("cle", k, "crees", r.crees().getOrDefault(k, 0),
                    "misAJour", r.misAJour().getOrDefault(k, 0), "supprimes", r.supprimes().getOrDefault(k, 0))));
            rapport.put("detail", detail);
            m.put("rapport", rapport);
        });
        return m;
    }

    private static String date(OffsetDateTime instant) {
        return FrenchFormats.dateTime(instant);
    }

    private void etat(RoutingContext ctx, ImportKind kind) {
        jobs.latest(TenantHandler.current(ctx), kind).onSuccess(job -> {
            JsonObject body = job.map(j -> new JsonObject().put("id", j.id()).put("etat", j.etat())
                    .put("avancement", j.avancement()).put("etape", j.etape())).orElse(new JsonObject().put("etat", "AUCUN"));
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
                    .end(body.encode());
        }).onFailure(ctx::fail);
    }

    private void upload(RoutingContext ctx, ImportKind kind) {
        Tenant tenant = TenantHandler.current(ctx);
        String back = home(ctx, kind);
        Optional<FileUpload> file = ctx.fileUploads().stream().filter(f -> f.name().equals("fichier")).findFirst();
        if (file.isEmpty() || file.get().size() == 0) {
            Console.erreur(ctx, "Choisissez le fichier à importer.");
            SessionSync.redirect(ctx, back);
            return;
        }
        String actor = SessionUser.of(ctx).login();
        String name = file.get().fileName().isBlank() ? "fichier" : file.get().fileName();
        jobs.start(tenant, kind, name, actor).compose(started -> {
            if (started.isEmpty()) {
                Console.erreur(ctx, "Un import des " + kind.objet() + " est déjà en cours pour l'académie : attendez qu'il se termine.");
                return Future.succeededFuture();
            }
            long id = started.get();
            Path kept = files.resolve(tenant.code() + "-" + id + ".csv");
            return ctx.vertx().fileSystem().mkdirs(files.toString())
                    .compose(v -> ctx.vertx().fileSystem().move(file.get().uploadedFileName(), kept.toString()))
                    .onSuccess(v -> {
                        run(tenant, kind, id, kept, actor);
                        ctx.session().put(awaited(kind), String.valueOf(id));
                        Console.information(ctx, "Import du fichier « " + name + " » lancé : la page suit son avancement.");
                    })
                    .onFailure(e -> {
                        LOG.atError().setCause(e).addKeyValue("tenant", tenant.code()).log("upload not kept");
                        worker.executeBlocking(() -> {
                            jobs.fail(tenant, id);
                            return null;
                        });
                    });
        }).onSuccess(v -> SessionSync.redirect(ctx, back)).onFailure(ctx::fail);
    }

    /** Runs the import on the import worker; the page learns how it ends from the database. */
    private void run(Tenant tenant, ImportKind kind, long id, Path file, String actor) {
        active.put(id, tenant);
        worker.executeBlocking(() -> {
            long start = System.nanoTime();
            try {
                ImportReport report = importers.get(kind).run(tenant, file, actor, jobs.progress(tenant, id, 500));
                jobs.finish(tenant, id, report);
                if (kind == ImportKind.INSCRIPTIONS && report.accepted()) {
                    // The import may have made establishments exam centres: every member reloads the registry.
                    vertx.eventBus().publish(CentreRegistry.CHANGED_ADDRESS, tenant.code());
                }
                LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("import", kind.chemin())
                        .addKeyValue("lines", report.lignes()).addKeyValue("accepted", report.accepted())
                        .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000).log("import finished");
            } catch (IOException | RuntimeException e) {
                LOG.atError().setCause(e).addKeyValue("tenant", tenant.code()).addKeyValue("import", kind.chemin())
                        .log("import failed");
                jobs.fail(tenant, id);
            } finally {
                active.remove(id);
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.atWarn().setCause(e).log("import file not deleted: " + file);
                }
            }
            return null;
        }, false);
    }
}
