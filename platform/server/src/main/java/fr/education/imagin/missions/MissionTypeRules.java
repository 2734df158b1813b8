package fr.education.imagin.missions;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.plugins.Contribution;
import fr.education.imagin.core.plugins.PluginFailure;
import fr.education.imagin.core.plugins.PluginHost;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.plugin.api.ConvocationCheck;
import fr.education.imagin.plugin.api.MissionFacts;
import fr.education.imagin.plugin.api.MissionType;
import fr.education.imagin.plugin.api.Signataire;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of the mission types the académie's plugins contribute (qualités, dates, CSF,
 * SANTORIN, signature, convocation pre-conditions), for the convocation and service-fait
 * screens. A type no enabled plugin contributes has no plugin rule: the screens then apply the
 * platform's ordinary behaviour, which is what removing a plugin amounts to.
 */
public final class MissionTypeRules {

    private final PluginHost plugins;
    private final TenantSql sql;

    public MissionTypeRules(PluginHost plugins, TenantSql sql) {
        this.plugins = plugins;
        this.sql = sql;
    }

    /** The types the académie's plugins contribute. */
    public List<MissionType> types(Tenant tenant) {
        return plugins.missionTypes(tenant.code()).stream().map(Contribution::extension).toList();
    }

    /** The rules of one type, when an enabled plugin contributes it. */
    public Optional<MissionType> type(Tenant tenant, String typeCode) {
        return plugins.missionTypes(tenant.code()).stream().map(Contribution::extension)
                .filter(t -> t.code().equals(typeCode)).findFirst();
    }

    /**
     * The codes of the types whose imported missions are open to convocation by the exam centre
     * without the office targeting them (SPEC CONV-1: EC, ECE, numérisation).
     */
    public List<String> openForConvocationByDefault(Tenant tenant) {
        return types(tenant).stream().filter(MissionType::openForConvocationByDefault).map(MissionType::code).toList();
    }

    /**
     * Whose signature block a mission's convocations carry (CONV-14): the plugin's rule for its
     * type, else what the office recorded on the mission ({@code CENTRE} or {@code ETABLISSEMENT}).
     */
    public String signatureRole(Tenant tenant, String typeCode, String recordedOnMission) {
        return type(tenant, typeCode).map(t -> t.signataire() == Signataire.CHEF_D_ETABLISSEMENT ? "ETABLISSEMENT" : "CENTRE")
                .orElse(recordedOnMission);
    }

    /** The codes of the plugin types whose convocations {@code role} ({@code CENTRE} or {@code ETABLISSEMENT}) signs. */
    public List<String> typesSignedBy(Tenant tenant, String role) {
        return types(tenant).stream().filter(t -> signatureRole(tenant, t.code(), "").equals(role)).map(MissionType::code).toList();
    }

    /**
     * Why nobody can be convened to this mission now (French, for the console), or empty. A
     * plugin check that throws refuses the convocation with the failure's message: better a
     * visible refusal than a convocation its rules never approved.
     */
    /** EC-6: the office opens a session to convocations once its regulation, dates and observations are set. */
    public static final String SESSION_FERMEE = "La session %s n'est pas encore ouverte à la convocation : le service gestionnaire"
            + " l'ouvre une fois la réglementation, les dates et les observations fixées.";

    public Future<Optional<String>> convocationRefusal(Tenant tenant, long missionId) {
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select m.type_code, s.examen_code, s.annee, eo.code as epreuve, m.centre_uai, m.date_debut,
                               m.date_fin, m.candidats_attendus, m.affectation_cyclades_terminee, s.convocation_ouverte, s.libelle
                        from mission m
                        join session_examen s on s.id = m.session_id
                        left join epreuve_option eo on eo.id = m.epreuve_option_id
                        where m.id = $1""").execute(Tuple.of(missionId)))
                .map(rows -> rows.size() > 0 && !rows.iterator().next().getBoolean("convocation_ouverte")
                        ? Optional.of(SESSION_FERMEE.formatted(rows.iterator().next().getString("libelle")))
                        : refusal(tenant, facts(rows, missionId)));
    }

    private static MissionFacts facts(RowSet<Row> rows, long missionId) {
        if (rows.size() == 0) {
            throw new NoSuchElementException("Mission " + missionId + " introuvable.");
        }
        Row row = rows.iterator().next();
        return new MissionFacts(row.getString("type_code"), row.getString("examen_code"), row.getInteger("annee"),
                Optional.ofNullable(row.getString("epreuve")), row.getString("centre_uai").trim(),
                row.getLocalDate("date_debut"), row.getLocalDate("date_fin"), row.getInteger("candidats_attendus"),
                row.getBoolean("affectation_cyclades_terminee"));
    }

    private Optional<String> refusal(Tenant tenant, MissionFacts facts) {
        Optional<Contribution<MissionType>> type = plugins.missionTypes(tenant.code()).stream()
                .filter(t -> t.extension().code().equals(facts.typeCode())).findFirst();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        for (ConvocationCheck check : type.get().extension().convocationChecks()) {
            try {
                Optional<String> refusal = plugins.call(type.get().pluginId(), "contrôle avant convocation",
                        () -> Objects.requireNonNull(check.refusal(facts), "a convocation check returned null"));
                if (refusal.isPresent()) {
                    return refusal;
                }
            } catch (PluginFailure e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }
}
