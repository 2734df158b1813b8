package fr.education.imagin.ui;

import fr.education.imagin.academies.AcademyHomeRoutes;
import fr.education.imagin.academies.AutresAcademiesActivity;
import fr.education.imagin.competences.CompetenceService;
import fr.education.imagin.competences.CompetencesActivity;
import fr.education.imagin.competences.CompetencesOfficeRoutes;
import fr.education.imagin.competences.ValidationCompetencesActivity;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.convocations.ConvocationDocuments;
import fr.education.imagin.convocations.ConvocationDispatch;
import fr.education.imagin.convocations.ConvocationEffects;
import fr.education.imagin.convocations.ConvocationService;
import fr.education.imagin.convocations.ConvocationsActivity;
import fr.education.imagin.convocations.MissionConvocationService;
import fr.education.imagin.convocations.OfficeConvocationService;
import fr.education.imagin.core.plugins.PluginHost;
import fr.education.imagin.indemnites.IndemnitesOfficeRoutes;
import fr.education.imagin.interacademies.CrossAcademyRelay;
import fr.education.imagin.missions.MissionTypeRules;
import fr.education.imagin.santorin.SantorinOutbox;
import fr.education.imagin.core.export.PdfRenderer;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.avancement.AvancementActivity;
import fr.education.imagin.affectation.AffectationRoutes;
import fr.education.imagin.affectation.AffectationRuns;
import fr.education.imagin.affectation.AffectationService;
import fr.education.imagin.affectation.AffectationSolver;
import fr.education.imagin.affectation.SolverSettings;
import fr.education.imagin.avancement.AvancementOfficeRoutes;
import fr.education.imagin.frais.FraisOfficeRoutes;
import fr.education.imagin.imports.ImportJobs;
import fr.education.imagin.imports.ImportKind;
import fr.education.imagin.imports.ImportRoutes;
import fr.education.imagin.imports.RegistrationImport;
import fr.education.imagin.imports.RegulationImport;
import fr.education.imagin.imports.StaffImport;
import fr.education.imagin.imports.TeachingImport;
import fr.education.imagin.missions.MissionGeneration;
import fr.education.imagin.missions.MissionsOfficeRoutes;
import fr.education.imagin.indemnites.IccService;
import fr.education.imagin.signatures.SignatureActivity;
import fr.education.imagin.servicefait.ServiceFaitOfficeRoutes;
import fr.education.imagin.signatures.SignatureService;
import fr.education.imagin.core.help.HelpRoutes;
import fr.education.imagin.core.list.ListService;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.mail.MailOutbox;
import fr.education.imagin.core.mail.MailOutboxRoutes;
import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.menu.Activities;
import fr.education.imagin.core.menu.ActivityStatesRoutes;
import fr.education.imagin.core.menu.MenuModel;
import fr.education.imagin.core.menu.WorkContextHandler;
import fr.education.imagin.core.preferences.DisplayPreferencesRoutes;
import fr.education.imagin.core.preferences.DisplayPreferencesService;
import fr.education.imagin.core.preferences.PreferencesModel;
import fr.education.imagin.core.security.SessionExpiry;
import fr.education.imagin.core.tenant.CentreRegistry;
import fr.education.imagin.core.tenant.TenantRegistry;
import fr.education.imagin.core.web.PageRenderer;
import fr.education.imagin.core.web.StaticAssets;
import fr.education.imagin.missions.MissionsActivity;
import fr.education.imagin.personnels.PersonnelsActivity;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The user interface as {@code Platform} mounts it: static assets, the shell (banner, menu,
 * console, accessibility settings, help pages), the home screen and every activity's screens.
 * A new activity's screens are one more module in {@link #create}.
 */
public final class UserInterface {

    /** PDFs laid out at once (CPU and memory bound; the machines have 2 cores). */
    private static final int PDF_WORKERS = 2;

    private final StaticAssets assets;
    private final PageRenderer pages;
    private final AcademyHomeRoutes home;
    private final WorkContextHandler workContext;
    private final DisplayPreferencesRoutes preferences;
    private final HelpRoutes help;
    private final Activities activities;
    /** The academy office's screens ({@code /:tenant/administration/...}), each mounting its own routes. */
    private final List<Consumer<Router>> office;

    private UserInterface(StaticAssets assets, PageRenderer pages, AcademyHomeRoutes home, WorkContextHandler workContext,
                          DisplayPreferencesRoutes preferences, HelpRoutes help, Activities activities,
                          List<Consumer<Router>> office) {
        this.assets = assets;
        this.pages = pages;
        this.home = home;
        this.workContext = workContext;
        this.preferences = preferences;
        this.help = help;
        this.activities = activities;
        this.office = List.copyOf(office);
    }

    /** Builds everything once per process; the routers of all event loops share it. */
    public static UserInterface create(Vertx vertx, TenantSql sql, TenantRegistry registry, CentreRegistry centres,
                                       SessionExpiry sessionExpiry, AuditTrail audit, MailOutbox outbox, PluginHost plugins,
                                       CrossAcademyRelay crossAcademy, DataSource jdbc,
                                       fr.education.imagin.core.config.PlatformConfig.Affectation affectation) {
        StaticAssets assets = new StaticAssets();
        MenuModel menu = new MenuModel();
        PageRenderer pages = new PageRenderer(assets.prefix(), List.of(menu, new PreferencesModel(), sessionExpiry));
        PdfRenderer pdf = new PdfRenderer(pages, vertx.createSharedWorkerExecutor("imagin-pdf", PDF_WORKERS));
        pdf.warmUp();
        Lists lists = new Lists(new ListService(sql), pages, pdf);
        CompetenceService competences = new CompetenceService(sql, audit);
        MissionTypeRules missionTypes = new MissionTypeRules(plugins, sql);
        ConvocationDocuments convocations = new ConvocationDocuments(new ConvocationService(sql, missionTypes), pdf);
        ConvocationEffects convocationEffects = new ConvocationEffects(new SantorinOutbox(), crossAcademy);
        MissionConvocationService missionConvocations = new MissionConvocationService(sql, missionTypes, audit, convocationEffects);
        ConvocationDispatch dispatch = new ConvocationDispatch(convocations, missionConvocations, sql, outbox, audit,
                outbox.delivering());
        List<ActivityModule> modules = new ArrayList<>(List.of(
                new PersonnelsActivity(lists, sql, pages, convocations),
                new MissionsActivity(lists, sql, pages, convocations),
                new fr.education.imagin.indisponibilites.IndisponibilitesActivity(lists, sql, audit, outbox, pages),
                new ConvocationsActivity(lists, missionConvocations, convocations, dispatch, pages),
                new CompetencesActivity(lists, competences, pages),
                new ValidationCompetencesActivity(competences, pages),
                new AutresAcademiesActivity(centres, registry, pages)));
        ServiceFaitOfficeRoutes.Modules serviceFait = ServiceFaitOfficeRoutes.create(sql, missionTypes, audit, lists, pages, pdf);
        modules.add(serviceFait.activity());
        IndemnitesOfficeRoutes.Modules indemnites = IndemnitesOfficeRoutes.create(sql, plugins, audit, missionConvocations, pages);
        modules.add(indemnites.activity());
        modules.addAll(SignatureActivity.both(new SignatureService(sql, audit), convocations, pages));
        modules.addAll(AvancementActivity.both(lists));
        Activities activities = new Activities(modules);
        menu.builtActivities(activities.built());
        List<Consumer<Router>> office = List.of(
                new ActivityStatesRoutes(sql, audit, pages)::mount,
                new CompetencesOfficeRoutes(competences, pages)::mount,
                new MailOutboxRoutes(outbox, pages)::mount,
                serviceFait.office()::mount,
                FraisOfficeRoutes.create(sql, audit, lists, indemnites.icc(), pages)::mount,
                indemnites.office()::mount,
                new fr.education.imagin.personnels.PersonnelsOfficeRoutes(sql, audit, pages)::mount,
                new MissionsOfficeRoutes(lists, sql, audit, new OfficeConvocationService(sql, missionConvocations, convocations,
                        outbox, audit, convocationEffects), pages)::mount,
                new AvancementOfficeRoutes(lists, sql)::mount,
                new AffectationRoutes(new AffectationService(sql, audit),
                        new AffectationRuns(vertx, sql, new AffectationSolver(
                                new SolverSettings(affectation.maxDuration(), affectation.unimproved(), SolverSettings.CANDIDATS_MAX))),
                        new fr.education.imagin.missions.MissionNeeds(sql, audit), pages)::mount,
                new ImportRoutes(vertx, Map.of(ImportKind.INSCRIPTIONS, new RegistrationImport(new MissionGeneration(plugins, jdbc)),
                        ImportKind.PERSONNELS, new StaffImport(jdbc), ImportKind.REGLEMENTATION, new RegulationImport(jdbc),
                        ImportKind.ENSEIGNEMENTS, new TeachingImport(jdbc)),
                        new ImportJobs(sql, jdbc), pages)::mount);
        return new UserInterface(assets, pages, new AcademyHomeRoutes(registry, pages), new WorkContextHandler(sql),
                new DisplayPreferencesRoutes(new DisplayPreferencesService(sql)), new HelpRoutes(pages), activities, office);
    }

    public PageRenderer pages() {
        return pages;
    }

    /** Before any académie route: {@code /static/...} and the list of académies. */
    public void mountPublic(Router router) {
        assets.mount(router);
        home.mountLanding(router);
    }

    /** After the access policy: work context and settings, then every screen of an académie. */
    public void mountAcademy(Router router) {
        router.route("/:tenant/*").handler(workContext);
        router.route("/:tenant/*").handler(preferences.loader());
        home.mount(router);
        help.mount(router);
        preferences.mount(router);
        activities.mount(router);
        office.forEach(screen -> screen.accept(router));
    }
}
