package fr.education.imagin.convocations;

import fr.education.imagin.core.export.PdfRenderer;
import fr.education.imagin.core.format.FrenchFormats;
import fr.education.imagin.core.tenant.Tenant;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.time.LocalDateTime;
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
            Map<String, Object> model = convocation.model();
            model.put("titre", "Convocation");
            model.put("academie", tenant.nom());
            model.put("editeLe", FrenchFormats.timestamp(LocalDateTime.now(FrenchFormats.ZONE)));
            return pdf.render("convocations/convocation-pdf.ftlx", model)
                    .map(bytes -> Optional.of(new Document(convocation.fileName() + ".pdf", bytes)));
        });
    }
}
