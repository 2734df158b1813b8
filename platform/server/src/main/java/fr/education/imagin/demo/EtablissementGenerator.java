package fr.education.imagin.demo;

import fr.education.imagin.demo.GenerationContext.RandomStream;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The rectorat, collèges, lycées and EREA of the académie with a realistic mix, which ones are exam
 * and digitisation centres, then the shared centres as given. Loads {@code etablissement}.
 */
final class EtablissementGenerator {

    /** The UAI check letter alphabet (no I, O, Q). */
    private static final String UAI_KEYS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private final GenerationContext context;
    private final Communes communes;
    private final List<SharedCentre> sharedCentres;
    private final char phoneZone;
    private final SplittableRandom rng;

    EtablissementGenerator(GenerationContext context, Communes communes, List<SharedCentre> sharedCentres) {
        this.context = context;
        this.communes = communes;
        this.sharedCentres = sharedCentres;
        this.phoneZone = PhoneNumbers.landlineZone(communes.departement());
        this.rng = context.random(RandomStream.ETABLISSEMENTS);
    }

    Etablissements generate() throws SQLException {
        List<Etablissement> all = new ArrayList<>();
        Set<String> usedUai = new HashSet<>();
        for (SharedCentre s : sharedCentres) {
            if (s.uai() != null) {
                usedUai.add(s.uai().trim());
            }
        }
        addGenerated(all, usedUai);
        ensureADigitisationCentre(all);
        addSharedCentres(all);
        Etablissements etablissements = new Etablissements(all);
        copy(etablissements);
        return etablissements;
    }

    private void addGenerated(List<Etablissement> all, Set<String> usedUai) {
        int n = context.size().etablissements();
        long prefix = Long.parseLong(context.profile().departementPrefix()) * 10_000L;
        int span = 10_000 * (1 + (n + usedUai.size()) / 6_000);
        Set<String> usedNames = new HashSet<>();
        for (String cat : categories(n)) {
            Etablissement e = new Etablissement();
            String uai;
            do {
                long num = (prefix + rng.nextInt(span)) % 10_000_000L;
                uai = Digits.padded(num, 7) + UAI_KEYS.charAt((int) (num % 23));
            } while (!usedUai.add(uai));
            e.uai = uai;
            e.categorie = cat;
            e.communeIdx = "RECTORAT".equals(cat) ? 0 : communes.pick(rng);
            e.commune = communes.name(e.communeIdx);
            e.nom = nom(cat, e.commune, usedNames);
            e.levels = Catalog.levels(cat);
            e.centre = switch (cat) {
                case "LGT", "LPO" -> rng.nextDouble() < 0.95;
                case "LP" -> rng.nextDouble() < 0.85;
                case "COLLEGE" -> rng.nextDouble() < 0.45;
                case "EREA" -> rng.nextDouble() < 0.30;
                default -> false;
            };
            e.numerisation = e.centre && ("LGT".equals(cat) || "LPO".equals(cat)) && rng.nextDouble() < 0.2;
            e.staffWeight = staffWeight(cat) * (0.6 + 0.9 * rng.nextDouble());
            fillContact(e);
            all.add(e);
        }
    }

    /** The rectorat first, then the other categories in the proportions of a real académie, shuffled. */
    private List<String> categories(int n) {
        int rest = n - 1;
        int erea = Math.max(rest >= 20 ? 1 : 0, (int) Math.round(rest * 0.015));
        int lgt = (int) Math.round(rest * 0.15);
        int lpo = (int) Math.round(rest * 0.15);
        int lp = (int) Math.round(rest * 0.12);
        if (lgt + lpo == 0 && rest > 0) {
            lpo = 1;
        }
        int college = Math.max(0, rest - erea - lgt - lpo - lp);
        List<String> cats = new ArrayList<>(rest);
        cats.addAll(Collections.nCopies(college, "COLLEGE"));
        cats.addAll(Collections.nCopies(lgt, "LGT"));
        cats.addAll(Collections.nCopies(lpo, "LPO"));
        cats.addAll(Collections.nCopies(lp, "LP"));
        cats.addAll(Collections.nCopies(erea, "EREA"));
        shuffle(cats);
        cats.add(0, "RECTORAT");
        return cats;
    }

    /** COEC and SSCAN missions need a digitisation centre: promote a lycée (or any centre) if none was drawn. */
    private static void ensureADigitisationCentre(List<Etablissement> all) {
        if (all.stream().noneMatch(e -> e.numerisation)) {
            all.stream().filter(e -> e.centre && (e.levels & Catalog.L) != 0).findFirst()
                    .or(() -> all.stream().filter(e -> e.centre).findFirst())
                    .ifPresent(e -> e.numerisation = true);
        }
    }

    /** The shared centres, as given (the first of a repeated UAI), after the generated establishments. */
    private void addSharedCentres(List<Etablissement> all) {
        Set<String> seen = new HashSet<>();
        for (SharedCentre s : sharedCentres) {
            String uai = s.uai() == null ? null : s.uai().trim();
            if (uai != null && !seen.add(uai)) {
                continue;
            }
            Etablissement e = new Etablissement();
            e.uai = uai;
            e.nom = s.nom();
            e.categorie = s.categorie();
            e.commune = s.commune();
            e.communeIdx = communes.indexOf(s.commune());
            e.levels = s.categorie() == null ? Catalog.L : Catalog.levels(s.categorie());
            e.centre = true;
            e.sharedCentre = true;
            e.staffWeight = s.categorie() == null ? 1.5 : staffWeight(s.categorie());
            fillContact(e);
            if (e.communeIdx < 0) { // a commune of another département: post code from the UAI's département
                String prefix = uai != null && uai.matches("[0-9]{3}.*") ? uai.substring(0, 3)
                        : context.profile().departementPrefix();
                e.cp = Communes.mainPostCode(Communes.departement(prefix));
            }
            all.add(e);
        }
    }

    /** Relative staff size by category: a lycée polyvalent employs about 2.6 times a collège's staff. */
    private static double staffWeight(String cat) {
        return switch (cat) {
            case "COLLEGE" -> 1.0;
            case "LGT" -> 2.2;
            case "LPO" -> 2.6;
            case "LP" -> 1.4;
            case "EREA" -> 0.6;
            case "RECTORAT" -> 0.0;
            default -> 1.5;
        };
    }

    /** "LYCEE POLYVALENT JEAN JAURES": a patronym (or a place), unique within the commune when possible. */
    private String nom(String cat, String commune, Set<String> used) {
        if ("RECTORAT".equals(cat)) {
            String t = context.profile().tenantCode().toUpperCase(Locale.ROOT).replace('_', '-');
            boolean vowel = "AEIOUY".indexOf(t.charAt(0)) >= 0;
            return "RECTORAT DE L'ACADEMIE " + (vowel ? "D'" : "DE ") + t;
        }
        String kind = switch (cat) {
            case "COLLEGE" -> "COLLEGE";
            case "LGT" -> rng.nextDouble() < 0.8 ? "LYCEE GENERAL ET TECHNOLOGIQUE" : "LYCEE GENERAL";
            case "LP" -> rng.nextDouble() < 0.75 ? "LYCEE PROFESSIONNEL" : "LYCEE DES METIERS";
            case "LPO" -> "LYCEE POLYVALENT";
            case "EREA" -> "EREA";
            default -> "ETABLISSEMENT";
        };
        String name = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            String who = rng.nextDouble() < 0.85
                    ? Names.PATRONYMES[rng.nextInt(Names.PATRONYMES.length)]
                    : Names.LIEUX[rng.nextInt(Names.LIEUX.length)];
            name = kind + " " + who;
            if (used.add(name + "|" + commune)) {
                return name;
            }
        }
        return name;
    }

    private void fillContact(Etablissement e) {
        e.adresse = (1 + rng.nextInt(120)) + " " + Names.RUES[rng.nextInt(Names.RUES.length)];
        e.cp = e.communeIdx >= 0 ? communes.postCode(e.communeIdx) : "";
        e.tel = PhoneNumbers.random('0', phoneZone, rng);
    }

    /** Fisher-Yates with the run's own random source (not {@code Collections.shuffle}'s). */
    private void shuffle(List<String> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            String t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private void copy(Etablissements etablissements) throws SQLException {
        String domain = context.mailDomain();
        context.loader().copy("etablissement",
                "uai, nom, categorie, commune, adresse, code_postal, telephone, mail, centre_examen, centre_numerisation",
                w -> {
                    for (Etablissement e : etablissements.all()) {
                        String mail = e.uai == null ? "" : "ce." + e.uai.toLowerCase(Locale.ROOT) + "@" + domain;
                        w.text(e.uai).text(e.nom).text(e.categorie).text(e.commune).text(e.adresse).text(e.cp)
                                .text(e.tel).text(mail).bool(e.centre).bool(e.numerisation).endRow();
                    }
                });
    }
}
