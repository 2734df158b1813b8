package fr.education.imagin.convocations;

import fr.education.imagin.core.audit.AuditTrail;
import fr.education.imagin.core.db.TenantSql;
import fr.education.imagin.core.export.Downloads;
import fr.education.imagin.core.mail.MailOutbox;
import fr.education.imagin.core.mail.OutgoingMail;
import fr.education.imagin.core.menu.Establishment;
import fr.education.imagin.core.tenant.Tenant;
import fr.education.imagin.core.web.Console;
import fr.education.imagin.core.web.SessionSync;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What leaves the centre with its convocations: the PDF of one (CONV-2), the zip of those shown
 * (CONV-12) and the mails (CONV-2, CONV-13), all of the convocations the centre authored.
 */
public final class ConvocationDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(ConvocationDispatch.class);

    /** The outcome of a mailing, for the console. */
    public record MailReport(int envoyes, String message, List<String> avertissements, List<String> erreurs) {
    }

    private final ConvocationDocuments documents;
    private final MissionConvocationService missions;
    private final TenantSql sql;
    private final MailOutbox outbox;
    private final AuditTrail audit;
    private final boolean sendsMail;

    /** @param sendsMail whether an SMTP server is configured: the screens then say mails are sent, else queued */
    public ConvocationDispatch(ConvocationDocuments documents, MissionConvocationService missions, TenantSql sql,
                               MailOutbox outbox, AuditTrail audit, boolean sendsMail) {
        this.documents = documents;
        this.missions = missions;
        this.sql = sql;
        this.outbox = outbox;
        this.audit = audit;
        this.sendsMail = sendsMail;
    }

    public boolean sendsMail() {
        return sendsMail;
    }

    /** The PDF of a convocation the centre authored on this mission; empty for any other affectation. */
    public Future<Optional<ConvocationDocuments.Document>> document(Tenant tenant, String uai, long missionId, long affectationId) {
        return missions.affectationCentre(tenant, missionId, affectationId).compose(own -> own.isEmpty()
                ? Future.succeededFuture(Optional.empty()) : documents.forCentre(tenant, uai, affectationId));
    }

    /**
     * CONV-12: {@code <EXAM>_<mission>_<AAAAMMJJ>.zip} of the centre's convocations the screen shows,
     * streamed: one PDF is laid out, written and forgotten before the next, so a mission of 500
     * convocations costs the memory of one.
     */
    public Future<Void> zip(RoutingContext ctx, Tenant tenant, String uai, MissionConvocation mission, Set<Long> selection) {
        return documents.convocations().centreConvocations(tenant, uai, mission.id(), selection).compose(convocations -> {
            if (convocations.isEmpty()) {
                Console.erreur(ctx, "Aucune convocation créée par votre centre n'est affichée : il n'y a rien à télécharger.");
                SessionSync.redirect(ctx, ctx.request().path().substring(0, ctx.request().path().lastIndexOf('/')));
                return Future.succeededFuture();
            }
            HttpServerResponse response = Downloads.prepare(ctx.response(), "application/zip",
                    Downloads.fileName("zip", mission.examenSigle(), mission.numero())).setChunked(true);
            PendingBytes pending = new PendingBytes();
            ZipOutputStream zip = new ZipOutputStream(pending);
            Set<String> names = new HashSet<>();
            Future<Void> chain = Future.succeededFuture();
            for (Convocation convocation : convocations) {
                chain = chain.compose(v -> documents.document(tenant, convocation)).compose(document -> {
                    try {
                        zip.putNextEntry(new ZipEntry(unique(names, document.fileName())));
                        zip.write(document.pdf().getBytes());
                        zip.closeEntry();
                    } catch (IOException e) {
                        return Future.failedFuture(e);
                    }
                    return write(response, pending.take());
                });
            }
            return chain.compose(v -> {
                try {
                    zip.close();
                } catch (IOException e) {
                    return Future.failedFuture(e);
                }
                return response.end(pending.take());
            }).recover(failure -> {
                LOG.atWarn().addKeyValue("mission", mission.numero()).setCause(failure).log("convocation zip aborted");
                if (!response.headWritten()) {
                    // Nothing sent yet: an error page rather than a "zip" the browser would save.
                    response.headers().remove("Content-Disposition").remove("Content-Type");
                    response.setChunked(false);
                    return Future.failedFuture(failure);
                }
                // Bytes are gone: the only honest end is a broken download, not a truncated zip.
                response.reset();
                return Future.succeededFuture();
            });
        });
    }

    /** Waits for the connection to drain when the client reads slower than PDFs are made. */
    private static Future<Void> write(HttpServerResponse response, Buffer bytes) {
        if (response.closed()) {
            return Future.failedFuture("download closed by the client");
        }
        Future<Void> written = response.write(bytes);
        if (!response.writeQueueFull()) {
            return written;
        }
        io.vertx.core.Promise<Void> drained = io.vertx.core.Promise.promise();
        response.drainHandler(v -> drained.tryComplete());
        response.closeHandler(v -> drained.tryFail("download closed by the client"));
        return drained.future();
    }

    private static String unique(Set<String> names, String fileName) {
        String name = fileName;
        int n = 2;
        while (!names.add(name)) {
            name = fileName.replaceFirst("\\.pdf$", "") + "_" + n++ + ".pdf";
        }
        return name;
    }

    /** The bytes the zip stream produced since the last take. */
    private static final class PendingBytes extends OutputStream {
        private Buffer buffer = Buffer.buffer();

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.appendBytes(b, off, len);
        }

        Buffer take() {
            Buffer taken = buffer;
            buffer = Buffer.buffer();
            return taken;
        }
    }

    /**
     * CONV-2 / CONV-13: each selected convocation of the centre goes by mail, PDF attached, to the
     * person's professional address (else personal), with a copy to the centre; all queued in one
     * transaction with the audit entry, then delivered by the platform's mail worker.
     */
    public Future<MailReport> mail(Tenant tenant, Establishment centre, String actor, MissionConvocation mission,
                                   Set<Long> selection, boolean une) {
        return documents.convocations().centreConvocations(tenant, centre.uai(), mission.id(), selection).compose(convocations -> {
            if (convocations.isEmpty()) {
                return Future.succeededFuture(new MailReport(0, "", List.of(), List.of(une
                        ? "Cette convocation n'a pas été créée par votre centre : elle ne peut pas être envoyée d'ici."
                        : "Aucune convocation créée par votre centre n'est affichée : aucun mél n'a été préparé.")));
            }
            List<String> avertissements = new ArrayList<>();
            List<Convocation> avecAdresse = new ArrayList<>();
            for (Convocation c : convocations) {
                Optional<String> sansAdresse = ConvocationMails.sansAdresse(c);
                if (sansAdresse.isPresent()) {
                    avertissements.add(sansAdresse.get() + " : sa convocation n'a pas été envoyée (téléchargez-la pour la lui remettre).");
                } else {
                    avecAdresse.add(c);
                }
            }
            if (avecAdresse.isEmpty()) {
                return Future.succeededFuture(new MailReport(0, "", avertissements, List.of()));
            }
            String copie = avecAdresse.get(0).centre().mail();
            if (!copie.isBlank() && !OutgoingMail.isAddress(copie)) {
                avertissements.add("L'adresse mél du centre (« " + copie + " ») est invalide : les méls partent sans copie au centre.");
            }
            List<OutgoingMail> mails = new ArrayList<>();
            Future<Void> chain = Future.succeededFuture();
            for (Convocation c : avecAdresse) {
                chain = chain.compose(v -> documents.document(tenant, c)).map(document -> {
                    mails.add(ConvocationMails.mail(tenant, c, document));
                    return null;
                });
            }
            return chain.compose(v -> sql.inTenant(tenant, conn -> {
                Future<Void> queued = Future.succeededFuture();
                for (OutgoingMail mail : mails) {
                    queued = queued.compose(x -> outbox.enqueue(conn, mail).mapEmpty());
                }
                return queued.compose(x -> audit.record(conn, new AuditTrail.Entry(tenant.code(), actor, "CONVOCATIONS_ENVOYEES",
                        "centre=" + centre.uai() + " mission=" + mission.numero() + " mels=" + mails.size(), null)));
            })).map(v -> {
                int n = mails.size();
                String quoi = n > 1 ? n + " convocations" : "La convocation";
                String message = sendsMail
                        ? quoi + (n > 1 ? " partent" : " part") + " par mél (adresse professionnelle de préférence), avec une copie au centre."
                        : quoi + (n > 1 ? " sont placées" : " est placée") + " dans la file des méls : aucun serveur de messagerie"
                        + " n'est configuré sur cette plateforme, " + (n > 1 ? "elles partiront" : "elle partira")
                        + " dès qu'il le sera. Le service gestionnaire voit cette file.";
                return new MailReport(n, message, avertissements, List.of());
            });
        });
    }
}
