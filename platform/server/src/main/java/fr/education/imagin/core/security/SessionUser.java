package fr.education.imagin.core.security;

import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;

import java.util.List;
import java.util.Map;

/**
 * The signed-in person as the rest of the code sees it, whichever login was used. Stored in
 * the clustered session as a {@link JsonObject} (records are not cluster-serialisable).
 *
 * @param tenantCode home académie; null for a national admin
 * @param uais       establishments the person may act for (delegations)
 * @param uai        the establishment chosen for this session, if any
 */
public record SessionUser(String login, String displayName, Role role, String tenantCode, List<String> uais, String uai) {

    static final String SESSION_KEY = "imagin.user";

    public static SessionUser of(RoutingContext ctx) {
        Session session = ctx.session();
        if (session == null) {
            return null;
        }
        JsonObject json = session.get(SESSION_KEY);
        return json == null ? null : fromJson(json);
    }

    void storeIn(Session session) {
        session.put(SESSION_KEY, toJson());
    }

    JsonObject toJson() {
        return new JsonObject().put("login", login).put("displayName", displayName).put("role", role.name())
                .put("tenant", tenantCode).put("uais", new JsonArray(uais)).put("uai", uai);
    }

    static SessionUser fromJson(JsonObject json) {
        return new SessionUser(json.getString("login"), json.getString("displayName"), Role.valueOf(json.getString("role")),
                json.getString("tenant"), json.getJsonArray("uais").stream().map(String::valueOf).toList(), json.getString("uai"));
    }

    /** The same person acting for {@code chosen}, one of their delegations. */
    SessionUser actingFor(String chosen) {
        return new SessionUser(login, displayName, role, tenantCode, uais, chosen);
    }

    /** Whether this person is in {@code tenant} as a visiting exam centre, not at home (ACAD-1). */
    public boolean visits(Tenant tenant) {
        return role != Role.NATIONAL_ADMIN && tenantCode != null && !tenantCode.equals(tenant.code());
    }

    public Map<String, Object> toTemplateModel() {
        return Map.of("login", login, "nom", displayName, "role", role.libelle(), "uai", uai == null ? "" : uai,
                "gestionnaire", role == Role.GESTIONNAIRE || role == Role.NATIONAL_ADMIN);
    }
}
