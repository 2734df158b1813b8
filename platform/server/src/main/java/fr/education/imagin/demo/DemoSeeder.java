package fr.education.imagin.demo;

import fr.education.imagin.core.security.AccountProvisioning;
import fr.education.imagin.core.security.Role;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.tenant.TenantFiles.TenantFile;
import fr.education.imagin.core.tenant.TenantProvisioning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fills the demo académies (and, on request, the large benchmark académie) with generated data,
 * registers their exam centres platform-wide and creates the demo accounts. Idempotent: an
 * académie that already has establishments is left as it is.
 */
public final class DemoSeeder {

    public static final String DEMO_PASSWORD = "imagin-demo";
    public static final String SCALE_TENANT = "echelle";
    private static final long SEED = 20_26L;
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    /** A lycée that is an exam centre in two académies, so "Accès autres académies" can be tried. */
    static final SharedCentre SHARED_CENTRE =
            new SharedCentre("0310038Y", "LYCEE POLYVALENT PIERRE-PAUL RIQUET", "LPO", "TOULOUSE");
    private static final String SHARED_CENTRE_HOME = "toulouse";
    private static final String SHARED_CENTRE_GUEST = "siec";
    /** Teachers of Rennes who are intervenants in Toulouse too: convened there, unavailable at home (INDISPO-4). */
    static final VisitingStaff VISITS = new VisitingStaff("rennes", SHARED_CENTRE_HOME);

    /**
     * The académie's lycée chef account: its exam-centre lycée where the most people work (the demo
     * missions of {@link CentreScenario} are there, see {@link CentreScenario#demoLycee}).
     */
    static final String DEMO_LYCEE = """
            select e.uai from etablissement e left join lieu_exercice l on l.uai = e.uai
            where e.centre_examen and e.categorie in ('LGT', 'LPO') group by e.uai
            order by count(l.personnel_id) desc, e.uai limit 1""";

    private final DataSource dataSource;
    private final TenantProvisioning provisioning;
    private final AccountProvisioning accounts;

    public DemoSeeder(DataSource dataSource, TenantProvisioning provisioning) {
        this.dataSource = dataSource;
        this.provisioning = provisioning;
        this.accounts = new AccountProvisioning(dataSource);
    }

    public List<DemoAccount> seedDemo(List<TenantFile> demoTenants) {
        List<DemoAccount> created = new ArrayList<>();
        created.add(account("admin", "Administrateur national", Role.NATIONAL_ADMIN, null, List.of()));
        List<String> codes = demoTenants.stream().map(TenantFile::code).toList();
        List<VisitingStaff> visits = codes.contains(VISITS.home()) && codes.contains(VISITS.host()) ? List.of(VISITS) : List.of();
        for (TenantFile file : demoTenants) {
            Tenant tenant = file.toTenant();
            List<SharedCentre> shared = List.of(SHARED_CENTRE_HOME, SHARED_CENTRE_GUEST).contains(tenant.code())
                    ? List.of(SHARED_CENTRE) : List.of();
            AcademyProfile profile = new AcademyProfile(tenant.code(), file.departement(), file.communes(), tenant.contactMail());
            generateIfEmpty(tenant, profile, DemoSize.demo(), shared, visits);
        }
        // Once every académie has registered its exam centres, so each account can say where its
        // establishment is one.
        for (TenantFile file : demoTenants) {
            created.addAll(tenantAccounts(file.toTenant()));
        }
        return created;
    }

    /** The large académie of the benchmarks; {@code factor} 1.0 is about 80,000 staff. */
    public List<DemoAccount> seedScale(double factor) {
        Tenant tenant = new Tenant(SCALE_TENANT, "ACADEMIE ECHELLE (BANC D'ESSAI)", "dec@ac-echelle.fr",
                "Académie générée pour les mesures de performance.", true);
        provisioning.register(tenant, true);
        provisioning.migrateAll();
        AcademyProfile profile = new AcademyProfile(tenant.code(), "099",
                List.of("VILLENEUVE", "SAINT-MARTIN", "BEAUMONT", "MONTFORT", "CHATEAUNEUF", "FONTAINE", "BELLEVUE"),
                tenant.contactMail());
        generateIfEmpty(tenant, profile, DemoSize.scaled(factor), List.of(), List.of());
        return tenantAccounts(tenant);
    }

    private void generateIfEmpty(Tenant tenant, AcademyProfile profile, DemoSize size, List<SharedCentre> shared,
                                 List<VisitingStaff> visits) {
        try (Connection conn = dataSource.getConnection()) {
            if (count(conn, tenant, "select count(*) from etablissement") > 0) {
                return;
            }
            LoadReport report = new DemoDataGenerator(SEED + tenant.code().hashCode())
                    .generate(conn, tenant.schemaName(), profile, size, shared, visits);
            conn.setAutoCommit(true);
            LOG.atInfo().addKeyValue("tenant", tenant.code()).addKeyValue("rows", report.rows())
                    .addKeyValue("ms", report.elapsed().toMillis())
                    .addKeyValue("rowsPerSecond", Math.round(report.rowsPerSecond()))
                    .log("demo data generated");
            for (String uai : strings(conn, tenant, "select uai from etablissement where centre_examen order by uai")) {
                provisioning.registerExamCentre(uai, tenant.code());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data generation failed for " + tenant.code(), e);
        }
    }

    /** A gestionnaire, and chefs d'établissement of a collège and of an exam-centre lycée. */
    private List<DemoAccount> tenantAccounts(Tenant tenant) {
        List<DemoAccount> created = new ArrayList<>();
        created.add(account("gest." + tenant.code(), "Gestionnaire " + tenant.nom(), Role.GESTIONNAIRE, tenant.code(), List.of()));
        try (Connection conn = dataSource.getConnection()) {
            Optional<String> lycee = SHARED_CENTRE_HOME.equals(tenant.code()) ? Optional.of(SHARED_CENTRE.uai())
                    : first(conn, tenant, DEMO_LYCEE);
            Optional<String> college = first(conn, tenant,
                    "select uai from etablissement where categorie = 'COLLEGE' order by uai limit 1");
            for (Optional<String> uai : List.of(lycee, college)) {
                if (uai.isPresent()) {
                    String u = uai.get();
                    created.add(account("ce." + u.toLowerCase(), "Chef d'établissement " + u, Role.CHEF_ETABLISSEMENT,
                            tenant.code(), List.of(u), Role.CHEF_ETABLISSEMENT.libelle() + " " + describe(conn, tenant, u)));
                }
            }
            // Delegations for both: this one picks the establishment after login.
            if (lycee.isPresent() && college.isPresent()) {
                created.add(account("ce.delegations." + tenant.code(), "Chef d'établissement (délégations)",
                        Role.CHEF_ETABLISSEMENT, tenant.code(), List.of(lycee.get(), college.get()),
                        "Chef d'établissement, au choix : " + lycee.get() + " (lycée) ou " + college.get() + " (collège)"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create demo accounts of " + tenant.code(), e);
        }
        return created;
    }

    private DemoAccount account(String login, String name, Role role, String tenantCode, List<String> uais) {
        return account(login, name, role, tenantCode, uais,
                uais.isEmpty() ? role.libelle() : role.libelle() + " " + String.join(", ", uais));
    }

    private DemoAccount account(String login, String name, Role role, String tenantCode, List<String> uais, String description) {
        accounts.createIfAbsent(login, DEMO_PASSWORD, name, role, tenantCode, uais);
        return new DemoAccount(login, DEMO_PASSWORD, role, tenantCode, uais, description);
    }

    /**
     * What a newcomer needs to pick an account from the start banner: "0310038Y lycée polyvalent,
     * centre d'examen (aussi : siec)" or "0310001A collège, non centre d'examen".
     */
    private static String describe(Connection conn, Tenant tenant, String uai) throws SQLException {
        List<String> row = strings(conn, tenant, "select categorie, centre_examen::text from etablissement where uai = ?", uai);
        List<String> elsewhere = strings(conn, tenant, "select tenant_code from platform.centre_examen_academie"
                + " where uai = ? and tenant_code <> ? order by tenant_code", uai, tenant.code());
        return uai + " " + establishmentLabel(row.isEmpty() ? "" : row.get(0), row.size() > 1 && "true".equals(row.get(1)), elsewhere);
    }

    /** The category in words and the exam-centre status, with the other académies where it is one too. */
    static String establishmentLabel(String categorie, boolean centre, List<String> otherAcademies) {
        String kind = switch (categorie) {
            case "LGT" -> "lycée général et technologique";
            case "LPO" -> "lycée polyvalent";
            case "LP" -> "lycée professionnel";
            case "COLLEGE" -> "collège";
            case "EREA" -> "EREA";
            default -> "établissement";
        };
        String status = centre ? "centre d'examen" : "non centre d'examen";
        return kind + ", " + status + (otherAcademies.isEmpty() ? "" : " (aussi : " + String.join(", ", otherAcademies) + ")");
    }

    private static long count(Connection conn, Tenant tenant, String sql) throws SQLException {
        return Long.parseLong(first(conn, tenant, sql).orElse("0"));
    }

    private static Optional<String> first(Connection conn, Tenant tenant, String sql) throws SQLException {
        List<String> values = strings(conn, tenant, sql);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Runs {@code sql} in the tenant's schema with {@code params} bound; the schema is a bound
     * parameter, never SQL text. A one-column query gives its rows; a query of several columns
     * gives its first row's columns.
     */
    private static List<String> strings(Connection conn, Tenant tenant, String sql, String... params) throws SQLException {
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (PreparedStatement path = conn.prepareStatement("select set_config('search_path', ?, true)")) {
            path.setString(1, tenant.schemaName());
            path.execute();
            List<String> values = new ArrayList<>();
            try (PreparedStatement query = conn.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    query.setString(i + 1, params[i]);
                }
                try (ResultSet rows = query.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        if (columns == 1) {
                            values.add(rows.getString(1));
                        } else {
                            for (int c = 1; c <= columns; c++) {
                                values.add(rows.getString(c));
                            }
                            break;
                        }
                    }
                }
            }
            conn.commit();
            return values;
        } finally {
            conn.setAutoCommit(autoCommit);
        }
    }
}
