package fr.education.imagin.convocations;

import fr.education.imagin.core.export.PdfRenderer;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Convocation PDFs (PERS-4's downloads now, the centre's convocations later): one template for all. */
public final class ConvocationDocuments {

    /** A document ready to send: {@code NOM_Prénom.pdf} and its bytes. */
    public record Document(String fileName, Buffer pdf) {
    }

    private final ConvocationService convocations;
    private final PdfRenderer pdf;

    public ConvocationDocuments(ConvocationService convocations, PdfRenderer pdf) {
        this.convocations = convocations;
        this.pdf = pdf;
    }

    /** The convocation of a person's convened affectation; empty if it is not theirs or not convened. */
    public Future<Optional<Document>> forPersonnel(Tenant tenant, long personnelId, long affectationId) {
        return convocations.find(tenant, personnelId, affectationId).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            Convocation convocation = found.get();
            return render(tenant, convocation).map(bytes -> Optional.of(new Document(convocation.fileName() + ".pdf", bytes)));
        });
    }

    /** The duplicate of a convocation on a mission held in {@code centreUai}; empty if not convened or elsewhere. */
    public Future<Optional<Document>> forCentre(Tenant tenant, String centreUai, long affectationId) {
        return convocations.findForCentre(tenant, centreUai, affectationId).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            Convocation convocation = found.get();
            return render(tenant, convocation).map(bytes -> Optional.of(new Document(convocation.fileName() + ".pdf", bytes)));
        });
    }

    /**
     * A fictive convocation of {@code centre} signed with {@code signature}, for the signature
     * screens' "Prévisualiser convocation" (guide §4.4): what every convocation will look like.
     */
    public Future<Buffer> preview(Tenant tenant, Convocation.Centre centre, Convocation.Signature signature) {
        LocalDate monday = LocalDate.now(FrenchFormats.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Convocation fictive = new Convocation(
                new Convocation.Destinataire("Mme", "EXEMPLE", "Camille", "LETTRES MODERNES", centre.nom() + " (" + centre.uai() + ")",
                        "1 rue de l'Exemple", centre.commune()),
                "000000", "Correction de copies", "Aperçu : convocation fictive", "", "", centre,
                List.of("Le " + FrenchFormats.dayDate(monday) + " de 08:00 à 12:00"), "Correcteur", "", "", "",
                "Cette convocation est un aperçu : elle montre la signature telle qu'elle sera imprimée.", "", true,
                LocalDate.now(FrenchFormats.ZONE), signature);
        return render(tenant, fictive);
    }

    private Future<Buffer> render(Tenant tenant, Convocation convocation) {
        Map<String, Object> model = convocation.model();
        model.put("titre", "Convocation");
        model.put("academie", tenant.nom());
        model.put("editeLe", FrenchFormats.timestamp(LocalDateTime.now(FrenchFormats.ZONE)));
        return pdf.render("convocations/convocation-pdf.ftlx", model);
    }
}
