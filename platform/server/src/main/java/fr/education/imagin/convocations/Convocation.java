package fr.education.imagin.convocations;

import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.format.FrenchGrammar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A convocation as its document prints it; {@link #model()} is what the PDF template reads. */
public record Convocation(long affectation, Destinataire destinataire, String numero, String type, String session, String specialite,
                          String epreuve, Centre centre, List<String> dates, String qualite, String commission, String jury,
                          String salle, String consigne, String observation, boolean parCentre, LocalDate convoqueeLe,
                          Signature signature) {

    /** @param mail the professional address, else the personal one, else empty (CONV-2) */
    public record Destinataire(String civilite, String nom, String prenom, String discipline, String etablissement,
                               String adresse, String commune, String mail) {
    }

    public record Centre(String uai, String nom, String adresse, String commune, String telephone, String mail) {
    }

    /** Who signs (CONV-14): autorité, intitulé, nom, ville, as the signature activities keep them. */
    public record Signature(String autorite, String intitule, String nom, String ville) {
        /** When the centre has entered no signature: the académie's exam office signs. */
        static final Signature DIVISION = new Signature("Pour le recteur et par délégation",
                "La division des examens et concours", "", "");
    }

    /** {@code NOM_Prénom}, the document's file name (CONV-2). */
    public String fileName() {
        return destinataire.nom() + "_" + destinataire.prenom();
    }

    public Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("destinataire", Map.of("civilite", destinataire.civilite(), "nom", destinataire.nom(),
                "prenom", destinataire.prenom(), "discipline", destinataire.discipline(),
                "etablissement", destinataire.etablissement(), "adresse", destinataire.adresse(),
                "commune", destinataire.commune()));
        model.put("numero", numero);
        model.put("type", type);
        model.put("session", session);
        model.put("specialite", specialite);
        model.put("epreuve", epreuve);
        model.put("centre", Map.of("uai", centre.uai(), "nom", centre.nom(), "adresse", centre.adresse(),
                "commune", centre.commune(), "telephone", centre.telephone()));
        model.put("dates", dates);
        model.put("qualite", qualite);
        // Inside the sentence: "en qualité d'examinatrice" (elided, lower case, agreeing with Mme).
        model.put("enQualite", qualite == null || qualite.isBlank() ? "" : FrenchGrammar.inTheCapacityOf(qualite, destinataire.civilite()));
        model.put("commission", commission);
        model.put("jury", jury);
        model.put("salle", salle);
        model.put("consigne", consigne);
        model.put("observation", observation);
        model.put("parCentre", parCentre);
        model.put("convoqueeLe", FrenchFormats.date(convoqueeLe));
        model.put("signature", Map.of("autorite", signature.autorite(), "intitule", signature.intitule(),
                "nom", signature.nom(), "ville", signature.ville()));
        return model;
    }
}
