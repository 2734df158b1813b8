package fr.education.imagin.servicefait;

import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.servicefait.ServiceFaitService.Action;
import fr.education.imagin.servicefait.ServiceFaitService.Demande;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The services faits SANTORIN sends back when an épreuve closes (EC-4), uploaded by the academy
 * office. One line per intervenant, separated by semicolons, an optional header line:
 * <pre>numero_mission;numen;service_fait;quantite;motif</pre>
 * {@code service_fait} is {@code O} (fait) or {@code N} (non fait, {@code motif} required);
 * {@code quantite} is the number of copies, candidates or hours of the mission's remuneration.
 * The lines feed {@link ServiceFaitService#enregistrer} as the screens do, all in one
 * transaction: any bad line and nothing is recorded, every error listed with its line number.
 */
final class SantorinServicesFaits {

    static final int MAX_LIGNES = 20_000;
    static final String ENTETE = "numero_mission;numen;service_fait;quantite;motif";

    private final TenantSql sql;
    private final ServiceFaitService service;

    SantorinServicesFaits(TenantSql sql, ServiceFaitService service) {
        this.sql = sql;
        this.service = service;
    }

    private record Ligne(int numero, String mission, String numen, Action action, String quantite, String motif) {
    }

    Future<ServiceFaitService.Resultat> importer(Tenant tenant, String actor, String contenu) {
        List<String> erreurs = new ArrayList<>();
        List<Ligne> lignes = new ArrayList<>();
        String text = contenu == null ? "" : contenu.replace("\uFEFF", "");
        String[] raw = text.split("\r\n|\n|\r", -1);
        if (raw.length > MAX_LIGNES) {
            return Future.succeededFuture(resultat(List.of("Le fichier compte plus de " + MAX_LIGNES + " lignes : découpez-le.")));
        }
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            int n = i + 1;
            if (line.isBlank() || i == 0 && line.strip().toLowerCase(Locale.ROOT).startsWith("numero_mission")) {
                continue;
            }
            String[] cells = line.split(";", 5);
            if (cells.length < 3) {
                erreurs.add("Ligne " + n + " : 3 à 5 champs séparés par « ; » attendus (" + ENTETE + ").");
                continue;
            }
            String numero = cells[0].strip();
            String numen = cells[1].strip();
            String fait = cells[2].strip().toUpperCase(Locale.ROOT);
            String quantite = cells.length > 3 ? cells[3].strip() : "";
            String motif = cells.length > 4 ? cells[4].strip() : "";
            if (numero.isEmpty() || numen.isEmpty()) {
                erreurs.add("Ligne " + n + " : le numéro de mission et le NUMEN sont obligatoires.");
                continue;
            }
            if (!fait.equals("O") && !fait.equals("N")) {
                erreurs.add("Ligne " + n + " : service_fait « " + cells[2].strip() + " » doit valoir O (fait) ou N (non fait).");
                continue;
            }
            lignes.add(new Ligne(n, numero, numen, fait.equals("O") ? Action.FAIT : Action.NON_FAIT, quantite, motif));
        }
        if (lignes.isEmpty()) {
            if (erreurs.isEmpty()) {
                erreurs.add("Le fichier ne contient aucune ligne de service fait.");
            }
            return Future.succeededFuture(resultat(erreurs));
        }
        String[] numeros = lignes.stream().map(Ligne::mission).distinct().toArray(String[]::new);
        return sql.inTenant(tenant, conn -> conn.preparedQuery("""
                        select m.numero, m.id as mission_id, p.numen, a.id as affectation_id,
                               m.type_code = any($2) or x.famille in ('CONCOURS', 'DCS') as exclue
                        from mission m
                        join session_examen s on s.id = m.session_id
                        join examen x on x.code = s.examen_code
                        left join affectation a on a.mission_id = m.id and a.statut in ('CONVOQUEE', 'CONVOQUEE_PAR_CENTRE')
                        left join personnel p on p.id = a.personnel_id
                        where m.numero = any($1)""").execute(Tuple.tuple().addArrayOfString(numeros).addArrayOfString(service.typesExclus(tenant)))).compose(rows -> {
            Map<String, Long> missions = new HashMap<>();
            java.util.Set<String> exclues = new java.util.HashSet<>();
            Map<String, Long> affectations = new HashMap<>();
            for (Row r : rows) {
                missions.put(r.getString("numero"), r.getLong("mission_id"));
                if (r.getBoolean("exclue")) {
                    exclues.add(r.getString("numero"));
                }
                if (r.getString("numen") != null) {
                    affectations.put(r.getString("numero") + ";" + r.getString("numen"), r.getLong("affectation_id"));
                }
            }
            Map<Long, List<Demande>> parMission = new LinkedHashMap<>();
            Map<String, Integer> vues = new HashMap<>();
            for (Ligne l : lignes) {
                Long mission = missions.get(l.mission());
                Long affectation = affectations.get(l.mission() + ";" + l.numen());
                Integer deja = vues.put(l.mission() + ";" + l.numen(), l.numero());
                if (mission == null) {
                    erreurs.add("Ligne " + l.numero() + " : la mission n° " + l.mission() + " n'existe pas dans l'académie.");
                } else if (exclues.contains(l.mission())) {
                    erreurs.add("Ligne " + l.numero() + " : la mission n° " + l.mission() + " n'est pas concernée par le constat"
                            + " de service fait (correction dématérialisée, concours, DCS).");
                } else if (affectation == null) {
                    erreurs.add("Ligne " + l.numero() + " : le NUMEN " + l.numen() + " n'est pas convoqué sur la mission n° "
                            + l.mission() + ".");
                } else if (deja != null) {
                    erreurs.add("Ligne " + l.numero() + " : l'intervenant " + l.numen() + " de la mission n° " + l.mission()
                            + " figure déjà ligne " + deja + ".");
                } else {
                    parMission.computeIfAbsent(mission, k -> new ArrayList<>()).add(new Demande(affectation, l.action(), l.quantite(),
                            l.motif(), null, "Ligne " + l.numero() + " (mission n° " + l.mission() + ", " + l.numen() + ")"));
                }
            }
            // Every error of the file, in line order: those found here and the rules' refusals of the other lines.
            List<ServiceFaitService.Lot> lots = new ArrayList<>();
            parMission.forEach((mission, demandes) -> lots.add(new ServiceFaitService.Lot(mission, demandes)));
            return service.enregistrer(tenant, actor, ServiceFaitService.Origine.SANTORIN, lots, resultat(erreurs).refus())
                    .map(r -> new ServiceFaitService.Resultat(r.refus().stream()
                            .sorted(java.util.Comparator.comparingInt(x -> ligne(x.message()))).toList(), r.enregistres()));
        });
    }

    /** The line number a message starts with ("Ligne 12 ..."), for the order of the report. */
    private static int ligne(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Ligne (\\d+)").matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static ServiceFaitService.Resultat resultat(List<String> erreurs) {
        return new ServiceFaitService.Resultat(erreurs.stream().map(e -> new ServiceFaitService.Refus(-1, e)).toList(), 0);
    }
}
