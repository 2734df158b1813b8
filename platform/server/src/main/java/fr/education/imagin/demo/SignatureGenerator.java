package fr.education.imagin.demo;

import fr.education.imagin.demo.GenerationContext.RandomStream;

import java.sql.SQLException;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Who signs the convocations: the head of each establishment and, for exam centres, the head of
 * centre by delegation of the recteur (usually the same person). Loads {@code signature}.
 */
final class SignatureGenerator {

    private final GenerationContext context;
    private final SplittableRandom rng;

    SignatureGenerator(GenerationContext context) {
        this.context = context;
        this.rng = context.random(RandomStream.SIGNATURES);
    }

    void generate(Etablissements etablissements) throws SQLException {
        context.loader().copy("signature", "uai, role, autorite, intitule, nom, ville", w -> {
            for (Etablissement e : etablissements.all()) {
                if ("RECTORAT".equals(e.categorie) || e.uai == null) {
                    continue;
                }
                boolean female = rng.nextDouble() < 0.5;
                String head = signatory(female);
                String intitule = switch (e.categorie) {
                    case "COLLEGE" -> female ? "La principale" : "Le principal";
                    case "EREA" -> female ? "La directrice" : "Le directeur";
                    default -> female ? "La proviseure" : "Le proviseur";
                };
                w.text(e.uai).raw("ETABLISSEMENT").text("").text(intitule).text(head).text(e.commune).endRow();
                if (e.centre) {
                    w.text(e.uai).raw("CENTRE").text("Pour le recteur et par délégation").text("Le chef de centre")
                            .text(rng.nextDouble() < 0.8 ? head : signatory(rng.nextDouble() < 0.5))
                            .text(e.commune).endRow();
                }
            }
        });
    }

    /** "Prénom NOM". */
    private String signatory(boolean female) {
        String prenom = female ? Names.PRENOMS_F[rng.nextInt(Names.PRENOMS_F.length)]
                : Names.PRENOMS_M[rng.nextInt(Names.PRENOMS_M.length)];
        return prenom + " " + Names.NOMS[rng.nextInt(Names.NOMS.length)].toUpperCase(Locale.FRENCH);
    }
}
