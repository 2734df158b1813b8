package fr.education.imagin.demo;

import java.util.List;

/** Reference data: disciplines, MEFs, exams with their spécialités and épreuves, mission types. */
final class Catalog {

    private Catalog() {}

    /** Teaching levels as bits: collège, lycée général et technologique (+ BTS), lycée professionnel. */
    static final int C = 1, L = 2, P = 4;

    static int levels(String categorie) {
        return switch (categorie) {
            case "COLLEGE" -> C;
            case "LGT" -> L;
            case "LP" -> P;
            case "LPO" -> L | P;
            case "EREA" -> C | P;
            case "RECTORAT" -> 0;
            default -> L;
        };
    }

    /**
     * @param tracks structure prefixes of the classes this discipline teaches in (technological and
     *               vocational disciplines teach in their own tracks only); {@code null} = any class of its levels
     */
    record Discipline(String libelle, int weight, int levels, boolean sciences, String[] matieres, String[] tracks) {
        Discipline(String libelle, int weight, int levels, boolean sciences, String[] matieres) {
            this(libelle, weight, levels, sciences, matieres, null);
        }

        boolean teachesIn(Mef mef) {
            if (tracks == null) {
                return true;
            }
            for (String t : tracks) {
                if (mef.structure().startsWith(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String[] PRO = {"2PRO", "1PRO", "TPRO", "1CAP", "2CAP"};

    private static String[] tracks(String[] base, String... more) {
        String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    static final List<Discipline> DISCIPLINES = List.of(
        new Discipline("LETTRES MODERNES", 10, C | L, false,
                new String[] {"FRANCAIS", "HUMANITES LITTERATURE PHILO", "CULTURE GENERALE ET EXPRESSION"}),
        new Discipline("LETTRES CLASSIQUES", 2, C | L, false, new String[] {"FRANCAIS", "LATIN", "GREC"}),
        new Discipline("MATHEMATIQUES", 10, C | L, true,
                new String[] {"MATHEMATIQUES", "ENSEIGNEMENT SCIENTIFIQUE", "MATHEMATIQUES EXPERTES"}),
        new Discipline("PHILOSOPHIE", 2, L, false, new String[] {"PHILOSOPHIE", "HUMANITES LITTERATURE PHILO"},
                new String[] {"TG", "TSTMG", "TSTI", "TSTL", "TST2S", "1G"}),
        new Discipline("SCIENCES VIE ET TERRE", 5, C | L, true,
                new String[] {"SCIENCES VIE ET TERRE", "ENSEIGNEMENT SCIENTIFIQUE"}),
        new Discipline("PHYSIQUE CHIMIE", 5, C | L, true,
                new String[] {"PHYSIQUE-CHIMIE", "ENSEIGNEMENT SCIENTIFIQUE"}),
        new Discipline("ANGLAIS", 8, C | L | P, false, new String[] {"ANGLAIS LV1", "ANGLAIS LV2", "LLCER ANGLAIS"}),
        new Discipline("ESPAGNOL", 4, C | L, false, new String[] {"ESPAGNOL LV2", "ESPAGNOL LV1"}),
        new Discipline("ALLEMAND", 2, C | L, false, new String[] {"ALLEMAND LV1", "ALLEMAND LV2"}),
        new Discipline("ITALIEN", 1, C | L, false, new String[] {"ITALIEN LV2"}),
        new Discipline("HISTOIRE GEOGRAPHIE", 8, C | L, false,
                new String[] {"HISTOIRE-GEOGRAPHIE", "ENS. MORAL & CIVIQUE", "HIST.-GEO. GEOPOL. SC. POL."}),
        new Discipline("SC. ECONO. & SOCIALES", 2, L, false, new String[] {"SC. ECONOMIQUES ET SOCIALES"},
                new String[] {"2NDE", "1G", "TG"}),
        new Discipline("EDUCATION PHYSIQUE ET SPORT.", 6, C | L | P, false,
                new String[] {"EDUCATION PHYSIQUE ET SPORTIVE"}),
        new Discipline("NUMERIQUE SC. INFORMATIQUES", 1, L, true,
                new String[] {"NUMERIQUE ET SC. INFORMATIQUES", "SC. NUMERIQUES & TECHNOLOGIE", "INFORMATIQUE"},
                new String[] {"2NDE", "1G", "TG", "BTS"}),
        new Discipline("BIOTECHNOLOGIES", 1, L | P, true,
                new String[] {"BIOCHIMIE-BIOLOGIE-BIOTECHNO.", "PREVENTION SANTE ENVIRONNEMENT"},
                tracks(PRO, "2NDE", "1STL", "TSTL")),
        new Discipline("ECO.GEST.", 4, L | P, false,
                new String[] {"ECONOMIE-GESTION", "DROIT ET ECONOMIE", "MANAGEMENT"},
                tracks(PRO, "2NDE", "1STMG", "TSTMG", "BTS")),
        new Discipline("GENIE MECANIQUE", 2, L | P, true,
                new String[] {"INGENIERIE DEVELOPPEMENT DURABLE", "MAINTENANCE DES SYSTEMES"},
                tracks(PRO, "2NDE", "1STI", "TSTI")),
        new Discipline("GENIE ELECTRIQUE", 2, L | P, true,
                new String[] {"ELECTROTECHNIQUE", "INGENIERIE DEVELOPPEMENT DURABLE"},
                tracks(PRO, "2NDE", "1STI", "TSTI")),
        new Discipline("TECHNOLOGIE", 3, C, true, new String[] {"TECHNOLOGIE"}),
        new Discipline("ARTS PLASTIQUES", 2, C | L, false, new String[] {"ARTS PLASTIQUES"}),
        new Discipline("EDUCATION MUSICALE", 2, C, false, new String[] {"EDUCATION MUSICALE"}),
        new Discipline("LETTRES-HISTOIRE GEO.", 6, P, false,
                new String[] {"FRANCAIS", "HISTOIRE-GEOGRAPHIE", "ENS. MORAL & CIVIQUE"}),
        new Discipline("MATHS-SCIENCES PHYSIQ.", 6, P, true, new String[] {"MATHEMATIQUES", "PHYSIQUE-CHIMIE"}),
        new Discipline("SC. MEDICO-SOCIALES", 1, L | P, false,
                new String[] {"SC. ET TECHN. SANITAIRES ET SOCIALES", "PREVENTION SANTE ENVIRONNEMENT"},
                tracks(PRO, "2NDE", "1ST2S", "TST2S")),
        new Discipline("HOTEL.OPT.TECHNIQ.CULINAIRES", 1, P, true, new String[] {"TECHNIQUES CULINAIRES"}),
        new Discipline("ARTS APPLIQUES", 1, P, false, new String[] {"ARTS APPLIQUES ET CULTURES ARTISTIQUES"}));

    /** A MEF (module élémentaire de formation): code, type label, structure prefix, level, terminal class. */
    record Mef(String code, String type, String structure, int level, boolean terminale) {}

    static final List<Mef> MEFS = List.of(
        new Mef("10010012110", "6EME", "6EME", C, false),
        new Mef("10110001110", "5EME", "5EME", C, false),
        new Mef("10210001110", "4EME", "4EME", C, false),
        new Mef("10310019110", "3EME", "3EME", C, false),
        new Mef("20112005110", "2NDE GENERALE ET TECHNO.", "2NDE", L, false),
        new Mef("20212012110", "1ERE GENERALE", "1G", L, false),
        new Mef("20312012110", "TERMINALE GENERALE", "TG", L, true),
        new Mef("21331004110", "1ERE STMG", "1STMG", L, false),
        new Mef("21431004110", "TERMINALE STMG", "TSTMG", L, true),
        new Mef("21332212110", "1ERE STI2D", "1STI", L, false),
        new Mef("21432212110", "TERMINALE STI2D", "TSTI", L, true),
        new Mef("21333103110", "1ERE STL", "1STL", L, false),
        new Mef("21433103110", "TERMINALE STL", "TSTL", L, true),
        new Mef("21334002110", "1ERE ST2S", "1ST2S", L, false),
        new Mef("21434002110", "TERMINALE ST2S", "TST2S", L, true),
        new Mef("32032006210", "BTS 1ERE ANNEE", "BTS1-", L, false),
        new Mef("32132006210", "BTS 2EME ANNEE", "BTS2-", L, false),
        new Mef("24725002110", "2NDE PRO", "2PRO", P, false),
        new Mef("24825002110", "1ERE PRO", "1PRO", P, false),
        new Mef("24925002110", "TERMINALE PRO", "TPRO", P, true),
        new Mef("50025217210", "1ERE ANNEE CAP 2 ANS", "1CAP", P, false),
        new Mef("50125217210", "2EME ANNEE CAP 2 ANS", "2CAP", P, false));

    // --- exams -------------------------------------------------------------------------------

    /** Épreuve kinds: written, oral, practical, ECE (évaluation des compétences expérimentales). */
    static final int ECRIT = 0, ORAL = 1, PRATIQUE = 2, ECE = 3;

    record Epreuve(String code, String libelle, String matiere, int kind) {}

    record Specialite(String code, String libelle, List<Epreuve> epreuves) {}

    /**
     * @param level     teaching level whose staff examine it ({@link #C}, {@link #L}, {@link #P})
     * @param tag       label used in the session libellé ({@code 470, BCG, 2021 ,BGT 2021})
     * @param weight    share of the missions
     * @param types     mission types that occur for this exam
     */
    record Examen(String code, String sigle, String libelle, String famille, int level, String tag, int weight,
                  List<String> types, List<Specialite> specialites) {}

    private static Epreuve e(String code, String libelle, String matiere, int kind) {
        return new Epreuve(code, libelle, matiere, kind);
    }

    private static Specialite s(String code, String libelle, Epreuve... epreuves) {
        return new Specialite(code, libelle, List.of(epreuves));
    }

    private static final Epreuve PHILO = e("PHILO", "PHILOSOPHIE", "PHILOSOPHIE", ECRIT);
    private static final Epreuve GRAND_ORAL = e("GO", "GRAND ORAL", null, ORAL);
    private static final Epreuve EPS = e("EPS", "EDUCATION PHYSIQUE ET SPORTIVE", "EDUCATION PHYSIQUE ET SPORTIVE", PRATIQUE);
    private static final Epreuve BTS_CGE = e("E1", "CULTURE GENERALE ET EXPRESSION", "CULTURE GENERALE ET EXPRESSION", ECRIT);
    private static final Epreuve BTS_ANG = e("E2", "EXPRESSION ET COMMUNICATION EN LANGUE ANGLAISE", "ANGLAIS LV1", ORAL);
    private static final Epreuve BTS_CEJM = e("E3", "CULTURE ECONOMIQUE, JURIDIQUE ET MANAGERIALE", "ECONOMIE-GESTION", ECRIT);
    private static final Epreuve CAP_FHG = e("EG1", "FRANCAIS, HISTOIRE-GEOGRAPHIE ET EMC", "FRANCAIS", ECRIT);
    private static final Epreuve CAP_MPC = e("EG2", "MATHEMATIQUES ET PHYSIQUE-CHIMIE", "MATHEMATIQUES", ECRIT);
    private static final Epreuve CAP_PSE = e("EG3", "PREVENTION SANTE ENVIRONNEMENT", "PREVENTION SANTE ENVIRONNEMENT", ECRIT);
    private static final List<Epreuve> DNB_EPREUVES = List.of(
        e("FRANCAIS", "FRANCAIS", "FRANCAIS", ECRIT),
        e("MATHEMATIQUES", "MATHEMATIQUES", "MATHEMATIQUES", ECRIT),
        e("HISTOIRE-GEO", "HISTOIRE-GEOGRAPHIE ENSEIGNEMENT MORAL ET CIVIQUE", "HISTOIRE-GEOGRAPHIE", ECRIT),
        e("SCIENCES", "SCIENCES (PHYSIQUE-CHIMIE, SVT, TECHNOLOGIE)", "PHYSIQUE-CHIMIE", ECRIT),
        e("ORAL", "EPREUVE ORALE", null, ORAL));

    static final List<String> ALL_TYPES = List.of("CORR", "ORAL", "JURY", "SURV", "PRAT", "COEC", "INEC", "PRECE", "SSCAN");
    private static final List<String> BGT_TYPES = ALL_TYPES;
    private static final List<String> EA_TYPES = List.of("CORR", "ORAL", "JURY", "SURV", "COEC", "INEC", "SSCAN");
    private static final List<String> PRO_TYPES = List.of("CORR", "ORAL", "JURY", "SURV", "PRAT");
    private static final List<String> DNB_TYPES = List.of("CORR", "ORAL", "JURY", "SURV");

    static final List<Examen> EXAMENS = List.of(
        new Examen("470", "BCG", "BAC GENERAL", "BAC_GENERAL", L, "BGT", 22, BGT_TYPES, List.of(
            s("TC", "TRONC COMMUN", PHILO, GRAND_ORAL, EPS,
                e("HG", "HISTOIRE-GEOGRAPHIE", "HISTOIRE-GEOGRAPHIE", ECRIT),
                e("ESC", "ENSEIGNEMENT SCIENTIFIQUE", "ENSEIGNEMENT SCIENTIFIQUE", ECRIT),
                e("LVA", "LANGUE VIVANTE A ANGLAIS", "ANGLAIS LV1", ORAL)),
            s("SVT", "SCIENCES DE LA VIE ET DE LA TERRE",
                e("T002A", "SVT", "SCIENCES VIE ET TERRE", ECRIT),
                e("T012B", "SVT pratique", "SCIENCES VIE ET TERRE", ECE)),
            s("PC", "PHYSIQUE-CHIMIE",
                e("T001A", "PHYSIQUE-CHIMIE", "PHYSIQUE-CHIMIE", ECRIT),
                e("T011B", "Physique-chimie pratique", "PHYSIQUE-CHIMIE", ECE)),
            s("NSI", "NUMERIQUE ET SCIENCES INFORMATIQUES",
                e("T003A", "NSI", "NUMERIQUE ET SC. INFORMATIQUES", ECRIT),
                e("T010B", "NSI pratique", "NUMERIQUE ET SC. INFORMATIQUES", ECE)),
            s("MATHS", "MATHEMATIQUES", e("T004A", "MATHEMATIQUES", "MATHEMATIQUES", ECRIT)),
            s("HLP", "HUMANITES LITTERATURE ET PHILOSOPHIE",
                e("T005A", "HUMANITES LITTERATURE ET PHILOSOPHIE", "HUMANITES LITTERATURE PHILO", ECRIT)),
            s("SES", "SCIENCES ECONOMIQUES ET SOCIALES",
                e("T006A", "SCIENCES ECONOMIQUES ET SOCIALES", "SC. ECONOMIQUES ET SOCIALES", ECRIT)),
            s("HGGSP", "HISTOIRE-GEO. GEOPOLITIQUE ET SC. POLITIQUES",
                e("T007A", "HISTOIRE-GEO. GEOPOLITIQUE ET SC. POLITIQUES", "HIST.-GEO. GEOPOL. SC. POL.", ECRIT)),
            s("LLCER", "LANGUES, LITT. ET CULTURES ETRANGERES ANGLAIS",
                e("T008A", "LLCER ANGLAIS", "LLCER ANGLAIS", ECRIT)))),
        new Examen("430", "BTN", "BAC TECHNOLOGIQUE", "BAC_TECHNO", L, "BGT", 10, BGT_TYPES, List.of(
            s("STMG", "SCIENCES ET TECHNOLOGIES DU MANAGEMENT ET DE LA GESTION", PHILO, GRAND_ORAL,
                e("T021A", "MANAGEMENT, SCIENCES DE GESTION ET NUMERIQUE", "MANAGEMENT", ECRIT),
                e("T022A", "DROIT ET ECONOMIE", "DROIT ET ECONOMIE", ECRIT)),
            s("STI2D", "SCIENCES ET TECHNOLOGIES DE L'INDUSTRIE ET DU DEVELOPPEMENT DURABLE", PHILO, GRAND_ORAL,
                e("T023A", "INGENIERIE, INNOVATION ET DEVELOPPEMENT DURABLE", "INGENIERIE DEVELOPPEMENT DURABLE", ECRIT),
                e("T024A", "PHYSIQUE-CHIMIE ET MATHEMATIQUES", "PHYSIQUE-CHIMIE", ECRIT)),
            s("STL", "SCIENCES ET TECHNOLOGIES DE LABORATOIRE", PHILO, GRAND_ORAL,
                e("T029A", "BIOCHIMIE-BIOLOGIE-BIOTECHNOLOGIE", "BIOCHIMIE-BIOLOGIE-BIOTECHNO.", ECRIT),
                e("T029B", "STL biochimie-biologie-biotechnologie", "BIOCHIMIE-BIOLOGIE-BIOTECHNO.", ECE),
                e("T030B", "STL sciences physiques et chimiques", "PHYSIQUE-CHIMIE", ECE)),
            s("ST2S", "SCIENCES ET TECHNOLOGIES DE LA SANTE ET DU SOCIAL", PHILO, GRAND_ORAL,
                e("T031A", "SCIENCES ET TECHNIQUES SANITAIRES ET SOCIALES", "SC. ET TECHN. SANITAIRES ET SOCIALES", ECRIT)),
            s("TC", "TRONC COMMUN", EPS))),
        new Examen("47A", "EA", "EPREUVES ANTICIPEES BAC GENERAL", "EA", L, "EAF", 8, EA_TYPES, List.of(
            s("FRA", "FRANCAIS",
                e("EAF-E", "FRANCAIS ECRIT", "FRANCAIS", ECRIT),
                e("EAF-O", "FRANCAIS ORAL", "FRANCAIS", ORAL)))),
        new Examen("43A", "EA", "EPREUVES ANTICIPEES BAC TECHNOLOGIQUE", "EA", L, "EAF", 4, EA_TYPES, List.of(
            s("FRA", "FRANCAIS",
                e("EAF-E", "FRANCAIS ECRIT (VOIE TECHNOLOGIQUE)", "FRANCAIS", ECRIT),
                e("EAF-O", "FRANCAIS ORAL (VOIE TECHNOLOGIQUE)", "FRANCAIS", ORAL)))),
        new Examen("400", "BCP", "BAC PROFESSIONNEL", "BAC_PRO", P, "BCP", 14, PRO_TYPES, List.of(
            s("MELEC", "METIERS DE L'ELECTRICITE ET DE SES ENVIRONNEMENTS CONNECTES",
                e("E2", "ETUDE ET PREPARATION D'UNE INTERVENTION", "ELECTROTECHNIQUE", ECRIT),
                e("E31", "REALISATION D'UNE INSTALLATION", "ELECTROTECHNIQUE", PRATIQUE)),
            s("MCV", "METIERS DU COMMERCE ET DE LA VENTE",
                e("E2", "ANALYSE ET RESOLUTION DE SITUATIONS PROFESSIONNELLES", "ECONOMIE-GESTION", ECRIT),
                e("E31", "VENTE CONSEIL", "ECONOMIE-GESTION", ORAL)),
            s("MSPC", "MAINTENANCE DES SYSTEMES DE PRODUCTION CONNECTES",
                e("E2", "ANALYSE ET EXPLOITATION DE DONNEES TECHNIQUES", "MAINTENANCE DES SYSTEMES", ECRIT),
                e("E31", "SURVEILLANCE ET INTERVENTION SUR UN SYSTEME", "MAINTENANCE DES SYSTEMES", PRATIQUE)),
            s("AGORA", "ASSISTANCE A LA GESTION DES ORGANISATIONS ET DE LEURS ACTIVITES",
                e("E2", "GESTION DES RELATIONS AVEC LES CLIENTS, LES USAGERS ET LES ADHERENTS", "ECONOMIE-GESTION", ECRIT),
                e("E31", "GESTION DES RELATIONS AVEC LES PARTENAIRES", "ECONOMIE-GESTION", ORAL)),
            s("TC", "ENSEIGNEMENTS GENERAUX",
                e("E1", "MATHEMATIQUES ET PHYSIQUE-CHIMIE", "MATHEMATIQUES", ECRIT),
                e("E4", "LANGUE VIVANTE ANGLAIS", "ANGLAIS LV1", ORAL),
                e("E5", "FRANCAIS, HISTOIRE-GEOGRAPHIE ET EMC", "FRANCAIS", ECRIT),
                e("E6", "ARTS APPLIQUES ET CULTURES ARTISTIQUES", "ARTS APPLIQUES ET CULTURES ARTISTIQUES", ECRIT),
                e("E7", "EDUCATION PHYSIQUE ET SPORTIVE", "EDUCATION PHYSIQUE ET SPORTIVE", PRATIQUE),
                e("PSE", "PREVENTION SANTE ENVIRONNEMENT", "PREVENTION SANTE ENVIRONNEMENT", ECRIT)))),
        new Examen("320", "BTS", "BTS", "BTS", L, "BTS", 10, PRO_TYPES, List.of(
            s("SIO", "SERVICES INFORMATIQUES AUX ORGANISATIONS", BTS_CGE, BTS_ANG,
                e("E3", "MATHEMATIQUES POUR L'INFORMATIQUE", "MATHEMATIQUES", ECRIT),
                e("E5", "SUPPORT ET MISE A DISPOSITION DE SERVICES INFORMATIQUES", "INFORMATIQUE", PRATIQUE)),
            s("MCO", "MANAGEMENT COMMERCIAL OPERATIONNEL", BTS_CGE, BTS_ANG, BTS_CEJM,
                e("E4", "DEVELOPPEMENT DE LA RELATION CLIENT ET VENTE CONSEIL", "ECONOMIE-GESTION", ORAL)),
            s("NDRC", "NEGOCIATION ET DIGITALISATION DE LA RELATION CLIENT", BTS_CGE, BTS_ANG, BTS_CEJM,
                e("E4", "RELATION CLIENT ET NEGOCIATION-VENTE", "ECONOMIE-GESTION", ORAL)),
            s("CG", "COMPTABILITE ET GESTION", BTS_CGE, BTS_ANG, BTS_CEJM,
                e("E41", "TRAITEMENT ET CONTROLE DES OPERATIONS COMPTABLES", "ECONOMIE-GESTION", ECRIT)))),
        new Examen("500", "CAP", "CAP", "CAP", P, "CAP", 12, PRO_TYPES, List.of(
            s("CUIS", "CUISINE", CAP_FHG, CAP_MPC, CAP_PSE,
                e("EP1", "ORGANISATION DE LA PRODUCTION DE CUISINE", "TECHNIQUES CULINAIRES", PRATIQUE),
                e("EP2", "REALISATION DE LA PRODUCTION DE CUISINE", "TECHNIQUES CULINAIRES", PRATIQUE)),
            s("ELEC", "ELECTRICIEN", CAP_FHG, CAP_MPC, CAP_PSE,
                e("EP1", "REALISATION D'UNE INSTALLATION ELECTRIQUE", "ELECTROTECHNIQUE", PRATIQUE),
                e("EP2", "MISE EN SERVICE D'UNE INSTALLATION ELECTRIQUE", "ELECTROTECHNIQUE", PRATIQUE)),
            s("EPC", "EQUIPIER POLYVALENT DU COMMERCE", CAP_FHG, CAP_MPC, CAP_PSE,
                e("EP1", "RECEPTION ET SUIVI DES COMMANDES", "ECONOMIE-GESTION", PRATIQUE),
                e("EP3", "CONSEIL ET ACCOMPAGNEMENT DU CLIENT", "ECONOMIE-GESTION", ORAL)),
            s("AEPE", "ACCOMPAGNANT EDUCATIF PETITE ENFANCE", CAP_FHG, CAP_MPC, CAP_PSE,
                e("EP1", "ACCOMPAGNER LE DEVELOPPEMENT DU JEUNE ENFANT", "SC. ET TECHN. SANITAIRES ET SOCIALES", ORAL),
                e("EP2", "EXERCER SON ACTIVITE EN ACCUEIL COLLECTIF", "SC. ET TECHN. SANITAIRES ET SOCIALES", PRATIQUE)))),
        new Examen("100", "DNB", "DIPLOME NATIONAL DU BREVET", "DNB", C, "DNB", 20, DNB_TYPES, List.of(
            new Specialite("SG", "SERIE GENERALE", DNB_EPREUVES),
            new Specialite("SP", "SERIE PROFESSIONNELLE", DNB_EPREUVES))));

    // --- mission types -------------------------------------------------------------------------

    record TypeMission(String code, String libelle, String remuneration, String pluginId, int weight,
                       boolean ec, int minDays, int maxDays, int minAff, int maxAff) {}

    static final List<TypeMission> TYPES = List.of(
        new TypeMission("CORR", "Correction de copies", "ECRIT", null, 34, false, 1, 5, 5, 25),
        new TypeMission("ORAL", "Interrogation orale", "ORAL", null, 18, false, 1, 4, 3, 15),
        new TypeMission("JURY", "Jury de délibération", "JURY", null, 8, false, 1, 2, 3, 9),
        new TypeMission("SURV", "Surveillance", "AIDE_EXAMEN", null, 14, false, 1, 4, 4, 20),
        new TypeMission("PRAT", "Epreuve pratique", "PRATIQUE", null, 8, false, 1, 3, 2, 10),
        new TypeMission("COEC", "Correction de copies épreuve EC", "ECRIT", "ec-ece", 7, true, 1, 5, 10, 40),
        new TypeMission("INEC", "Interrogation orale épreuve EC", "ORAL", "ec-ece", 3, true, 1, 3, 2, 8),
        new TypeMission("PRECE", "Evaluation compétences expérimentales", "PRATIQUE", "ec-ece", 5, true, 1, 2, 3, 12),
        new TypeMission("SSCAN", "Numérisation des copies", "AUCUNE", "ec-ece", 3, true, 1, 3, 1, 4));

    static int typeIndex(String code) {
        for (int i = 0; i < TYPES.size(); i++) {
            if (TYPES.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException(code);
    }

    /** The épreuve kind a mission type works on, or -1 when it needs none (jury, scanning may have one). */
    static int epreuveKind(String type) {
        return switch (type) {
            case "CORR", "COEC", "SURV", "SSCAN" -> ECRIT;
            case "ORAL", "INEC" -> ORAL;
            case "PRAT" -> PRATIQUE;
            case "PRECE" -> ECE;
            default -> -1;
        };
    }

    static final List<String> ACTIVITES = List.of("personnels", "indisponibilites", "competences",
            "validation-competences", "avancement-etablissement", "missions", "convocations", "service-fait",
            "avancement-centre", "signature-centre", "signature-etablissement", "indemnites",
            "autres-academies");

    private static final String[] OBS_GENERAL = {
        "Prévoir une pièce d'identité et la convocation.",
        "Accès par l'entrée du gymnase (parking réservé aux intervenants).",
        "Repas pris en charge au restaurant scolaire (s'inscrire à l'accueil).",
        "Se présenter à l'accueil du centre d'examen à 7h45.",
    };
    private static final String[] OBS_CORRECTION = {
        "Réunion d'entente à 9h00 en salle des professeurs.",
        "Retrait des copies au centre à 8h00 le premier jour.",
        "Réunion d'harmonisation le dernier jour à 14h00.\nRemise des bordereaux de notation avant 17h00.",
        "Correction dématérialisée sur SANTORIN : identifiants envoyés par mail.",
    };
    private static final String[] OBS_ORAL = {
        "Interrogations de 20 minutes, préparation de 20 minutes.",
        "Listes de textes des candidats remises par le chef de centre.",
        "Deux examinateurs par commission.",
    };
    private static final String[] OBS_PRATIQUE = {
        "Blouse obligatoire. Les sujets seront distribués par le chef de centre.",
        "Préparation des paillasses la veille avec les personnels de laboratoire.",
        "Tenue de sport exigée ; barèmes nationaux fournis sur place.",
    };
    private static final String[] OBS_SURVEILLANCE = {
        "Calculatrice en mode examen obligatoire pour les candidats.",
        "Tiers temps : deux salles dédiées au rez-de-chaussée.",
        "Ouverture des enveloppes de sujets en présence des candidats.",
    };
    private static final String[] OBS_JURY = {
        "Délibération à 9h00, publication des résultats à 10h00.",
        "Livrets scolaires consultables sur place.",
    };
    private static final String[] OBS_NUMERISATION = {
        "Numérisation des lots dès réception ; bordereaux à signer.",
    };

    /** Observations that make sense for a mission of this type. */
    static String[] observations(String type) {
        return switch (type) {
            case "CORR", "COEC" -> OBS_CORRECTION;
            case "ORAL", "INEC" -> OBS_ORAL;
            case "PRAT", "PRECE" -> OBS_PRATIQUE;
            case "SURV" -> OBS_SURVEILLANCE;
            case "JURY" -> OBS_JURY;
            case "SSCAN" -> OBS_NUMERISATION;
            default -> OBS_GENERAL;
        };
    }

    static String[] generalObservations() {
        return OBS_GENERAL;
    }

    static final String[] OBSERVATIONS_AFFECTATION = {
        "Convocation à 7h45 pour la préparation des salles.",
        "Remplace un collègue indisponible.",
        "Salle accessible PMR.",
        "Coordination de la commission.",
        "Tiers temps : prévoir une heure supplémentaire.",
    };

    static final String[][] MOTIFS = {
        // EPP
        {"Stage de formation continue (PAF)", "Formation disciplinaire académique", "Préparation concours interne"},
        // SIRHEN
        {"Congé de maladie ordinaire", "Congé de maternité", "Congé parental", "Autorisation d'absence",
            "Temps partiel thérapeutique"},
        // ETABLISSEMENT
        {"Voyage scolaire", "Sortie pédagogique", "Conseil de classe", "Jury de concours",
            "Obligation de service dans l'établissement", "Réunion parents-professeurs"},
    };
}
