package fr.education.imagin.core.security;

import com.password4j.Password;
import fr.education.imagin.core.db.TenantSql;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/** Built-in accounts of the embedded default (Argon2id hashes in {@code platform.account}). */
public final class AccountService {

    private static final String FIND = """
            select a.login, a.password_hash, a.display_name, a.role, a.tenant_code,
                   coalesce(array_agg(d.uai order by d.uai) filter (where d.uai is not null), '{}') as uais
            from account a left join account_delegation d on d.account_id = a.id
            where a.login = $1 and a.actif
            group by a.id""";

    private final Vertx vertx;
    private final TenantSql sql;

    public AccountService(Vertx vertx, TenantSql sql) {
        this.vertx = vertx;
        this.sql = sql;
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt().withArgon2().getResult();
    }

    /** The user if login and password match an active account, else empty. */
    public Future<Optional<SessionUser>> authenticate(String login, String password) {
        return sql.inPlatform(conn -> conn.preparedQuery(FIND).execute(Tuple.of(login)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        // Same cost as a wrong password, so timing does not reveal which logins exist.
                        return vertx.executeBlocking(() -> Password.check(password, DUMMY_HASH).withArgon2())
                                .map(ignored -> Optional.<SessionUser>empty());
                    }
                    Row row = rows.iterator().next();
                    String hash = row.getString("password_hash");
                    return vertx.executeBlocking(() -> Password.check(password, hash).withArgon2())
                            .map(ok -> ok ? Optional.of(toUser(row)) : Optional.<SessionUser>empty());
                });
    }

    private static SessionUser toUser(Row row) {
        List<String> uais = List.of(row.getArrayOfStrings("uais"));
        String chosen = uais.size() == 1 ? uais.get(0) : null;
        return new SessionUser(row.getString("login"), row.getString("display_name"), Role.valueOf(row.getString("role")),
                row.getString("tenant_code"), uais, chosen);
    }

    private static final String DUMMY_HASH = hash("not-a-password");
}
