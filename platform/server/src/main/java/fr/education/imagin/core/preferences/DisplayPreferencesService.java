package fr.education.imagin.core.preferences;

import fr.education.imagin.core.db.TenantSql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** Reads and saves each account's accessibility settings ({@code platform.display_preferences}). */
public final class DisplayPreferencesService {

    private static final String FIND = """
            select contraste, taille_police, interligne, justification from display_preferences where login = $1""";
    private static final String SAVE = """
            insert into display_preferences (login, contraste, taille_police, interligne, justification)
            values ($1, $2, $3, $4, $5)
            on conflict (login) do update set contraste = excluded.contraste, taille_police = excluded.taille_police,
                interligne = excluded.interligne, justification = excluded.justification, updated_at = now()""";

    private final TenantSql sql;

    public DisplayPreferencesService(TenantSql sql) {
        this.sql = sql;
    }

    /** The saved settings, or the defaults for someone who never changed them. */
    public Future<DisplayPreferences> load(String login) {
        return sql.inPlatform(conn -> conn.preparedQuery(FIND).execute(Tuple.of(login))).map(rows -> {
            if (rows.size() == 0) {
                return DisplayPreferences.DEFAULTS;
            }
            Row row = rows.iterator().next();
            return new DisplayPreferences(row.getString("contraste"), row.getString("taille_police"),
                    row.getString("interligne"), row.getString("justification"));
        });
    }

    public Future<Void> save(String login, DisplayPreferences preferences) {
        return sql.inPlatform(conn -> conn.preparedQuery(SAVE).execute(Tuple.of(login, preferences.contraste(),
                preferences.taillePolice(), preferences.interligne(), preferences.justification()))).mapEmpty();
    }
}
