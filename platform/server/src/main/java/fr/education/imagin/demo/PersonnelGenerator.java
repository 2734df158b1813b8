package fr.education.imagin.demo;

import fr.education.imagin.demo.Catalog.Discipline;
import fr.education.imagin.demo.GenerationContext.RandomStream;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The teachers: identity, contact details, corps and discipline (fitting their establishment's
 * levels), spread over the establishments by staff weight; about 15% also work in a second
 * establishment, often in the same commune. Loads {@code personnel} and {@code lieu_exercice}.
 */
final class PersonnelGenerator {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final long FIRST_BIRTH_DAY = LocalDate.of(1960, 1, 1).toEpochDay();
    /** Birth dates from 1960-01-01 to 1998-12-31. */
    private static final int BIRTH_DAYS = 14_245;

    private final GenerationContext context;
    private final Communes communes;
    private final Etablissements etablissements;
    private final SplittableRandom rng;
    /** Makes the NUMEN digits depend on the seed while staying a bijection of the person's index. */
    private final long numenOffset;
    private final int eps = disciplineIndex("EDUCATION PHYSIQUE ET SPORT.");

    PersonnelGenerator(GenerationContext context, Communes communes, Etablissements etablissements) {
        this.context = context;
        this.communes = communes;
        this.etablissements = etablissements;
        this.rng = context.random(RandomStream.PERSONNELS);
        this.numenOffset = Math.floorMod(context.seed() * 0x5DEECE66DL, 10_000_000L);
    }

    Personnels generate() throws SQLException {
        int n = context.size().personnels();
        int[] etab = new int[n];
        int[] secondEtab = new int[n];
        byte[] discipline = new byte[n];
        String[] numen = new String[n];

        double[] etabCum = staffCumulativeWeights();
        if (etabCum[etabCum.length - 1] <= 0 && n > 0) {
            throw new IllegalArgumentException("no establishment can employ staff");
        }
        double[][] disciplineCumByLevels = disciplineCumulativeWeights();
        String[] foldF = Arrays.stream(Names.PRENOMS_F).map(Names::fold).toArray(String[]::new);
        String[] foldM = Arrays.stream(Names.PRENOMS_M).map(Names::fold).toArray(String[]::new);
        String[] foldN = Arrays.stream(Names.NOMS).map(Names::fold).toArray(String[]::new);
        Map<String, Integer> mailCount = new HashMap<>(n * 2);
        String domain = context.mailDomain();

        context.loader().copy("personnel", "id, numen, civilite, nom, prenom, date_naissance, discipline_poste, corps, "
                + "adresse, code_postal, commune, tel_perso, tel_pro, mail_pro, mail_perso, academie_origine", w -> {
            for (int i = 0; i < n; i++) {
                int ei = CumulativeWeights.pick(etabCum, rng);
                Etablissement workplace = etablissements.get(ei);
                etab[i] = ei;
                int levels = workplace.levels == 0 ? Catalog.L : workplace.levels;
                int d = CumulativeWeights.pick(disciplineCumByLevels[levels], rng);
                discipline[i] = (byte) d;
                Discipline disc = Catalog.DISCIPLINES.get(d);
                boolean female = rng.nextDouble() < 0.6;
                int pi = rng.nextInt(female ? Names.PRENOMS_F.length : Names.PRENOMS_M.length);
                String prenom = female ? Names.PRENOMS_F[pi] : Names.PRENOMS_M[pi];
                String prenomFold = female ? foldF[pi] : foldM[pi];
                int ni = rng.nextInt(Names.NOMS.length);
                numen[i] = numen(i);
                int birthDay = (int) (FIRST_BIRTH_DAY + rng.nextInt(BIRTH_DAYS));
                String corps = corps(d, disc, workplace, rng.nextDouble());
                int ci = workplace.communeIdx >= 0 && rng.nextDouble() < 0.65 ? workplace.communeIdx : communes.pick(rng);
                String adresse = (1 + rng.nextInt(150)) + (rng.nextDouble() < 0.08 ? " BIS " : " ")
                        + Names.RUES[rng.nextInt(Names.RUES.length)];
                String telPerso = rng.nextDouble() < 0.95
                        ? PhoneNumbers.random('0', rng.nextDouble() < 0.7 ? '6' : '7', rng) : "";
                String telPro = rng.nextDouble() < 0.7 ? workplace.tel : "";
                String base = prenomFold + "." + foldN[ni];
                int k = mailCount.merge(base, 1, Integer::sum); // homonyms: jean.martin, jean.martin2...
                String mailPro = (k == 1 ? base : base + k) + "@" + domain;
                String mailPerso = personalMail(base, prenomFold, foldN[ni], LocalDate.ofEpochDay(birthDay).getYear());
                w.num(i + 1).raw(numen[i]).raw(female ? "Mme" : "M.").text(Names.NOMS[ni]).text(prenom)
                        .raw(context.calendar().date(birthDay)).text(disc.libelle()).text(corps).text(adresse)
                        .text(communes.postCode(ci)).text(communes.name(ci)).text(telPerso).text(telPro)
                        .text(mailPro).text(mailPerso).raw(null).endRow();
                secondEtab[i] = secondWorkplace(ei, workplace, etabCum);
            }
        });
        Personnels personnels = new Personnels(etab, secondEtab, discipline, numen);
        copyWorkplaces(personnels);
        return personnels;
    }

    private double[] staffCumulativeWeights() {
        double[] cumulative = new double[etablissements.size()];
        double acc = 0;
        for (int i = 0; i < etablissements.size(); i++) {
            acc += etablissements.get(i).staffWeight;
            cumulative[i] = acc;
        }
        return cumulative;
    }

    /** Per combination of levels (bits 1..7), the disciplines taught there, by weight. */
    private static double[][] disciplineCumulativeWeights() {
        double[][] byLevels = new double[8][];
        for (int levels = 1; levels < 8; levels++) {
            byLevels[levels] = new double[Catalog.DISCIPLINES.size()];
            double acc = 0;
            for (int d = 0; d < Catalog.DISCIPLINES.size(); d++) {
                Discipline disc = Catalog.DISCIPLINES.get(d);
                if ((disc.levels() & levels) != 0) {
                    acc += disc.weight();
                }
                byLevels[levels][d] = acc;
            }
        }
        return byLevels;
    }

    /** 2 digits, a letter, 7 digits (a bijection of the index: unique), 3 letters. */
    private String numen(int person) {
        long seven = Math.floorMod(person * 7_654_321L + numenOffset, 10_000_000L);
        return Digits.padded(10 + rng.nextInt(90), 2) + (rng.nextDouble() < 0.8 ? 'E' : LETTERS.charAt(rng.nextInt(26)))
                + Digits.padded(seven, 7) + LETTERS.charAt(rng.nextInt(26)) + LETTERS.charAt(rng.nextInt(26))
                + LETTERS.charAt(rng.nextInt(26));
    }

    /** The corps by discipline and establishment: PE teachers, PLP in vocational lycées, agrégés in lycées... */
    private String corps(int discipline, Discipline disc, Etablissement workplace, double u) {
        if (discipline == eps) {
            return u < 0.82 ? "PROF. EPS" : u < 0.90 ? "AGREGE" : "CONTRACTUEL";
        }
        if (disc.levels() == Catalog.P || "LP".equals(workplace.categorie)) {
            return u < 0.85 ? "PLP" : "CONTRACTUEL";
        }
        if ((workplace.levels & Catalog.L) != 0) {
            return u < 0.66 ? "CERTIFIE" : u < 0.88 ? "AGREGE" : u < 0.90 ? "PLP" : "CONTRACTUEL";
        }
        return u < 0.85 ? "CERTIFIE" : u < 0.88 ? "AGREGE" : "CONTRACTUEL";
    }

    /** About 78% give a personal address, in the usual shapes ("" for none). */
    private String personalMail(String base, String prenomFold, String nomFold, int birthYear) {
        double m = rng.nextDouble();
        if (m >= 0.78) {
            return "";
        }
        String dom = Names.MAIL_PERSO_DOMAINS[rng.nextInt(Names.MAIL_PERSO_DOMAINS.length)];
        return (m < 0.35 ? base : m < 0.55 ? prenomFold.charAt(0) + nomFold
                : m < 0.70 ? nomFold + "." + prenomFold + birthYear % 100
                : prenomFold + nomFold + (1 + rng.nextInt(99))) + "@" + dom;
    }

    /** A second establishment for ~15%, in the same commune 70% of the time when there is one; -1 for none. */
    private int secondWorkplace(int main, Etablissement workplace, double[] etabCum) {
        if (rng.nextDouble() >= 0.15) {
            return -1;
        }
        List<Integer> near = etablissements.employersIn(workplace.commune);
        int second = near.size() > 1 && rng.nextDouble() < 0.7
                ? near.get(rng.nextInt(near.size()))
                : CumulativeWeights.pick(etabCum, rng);
        return second != main && etablissements.get(second).staffWeight > 0 ? second : -1;
    }

    private static int disciplineIndex(String libelle) {
        for (int d = 0; d < Catalog.DISCIPLINES.size(); d++) {
            if (Catalog.DISCIPLINES.get(d).libelle().equals(libelle)) {
                return d;
            }
        }
        throw new IllegalArgumentException(libelle);
    }

    private void copyWorkplaces(Personnels personnels) throws SQLException {
        context.loader().copy("lieu_exercice", "personnel_id, uai, principal", w -> {
            for (int i = 0; i < personnels.count(); i++) {
                w.num(i + 1).text(etablissements.get(personnels.etab(i)).uai).bool(true).endRow();
                if (personnels.secondEtab(i) >= 0) {
                    w.num(i + 1).text(etablissements.get(personnels.secondEtab(i)).uai).bool(false).endRow();
                }
            }
        });
    }
}
