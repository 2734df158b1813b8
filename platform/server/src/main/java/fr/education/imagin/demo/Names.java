package fr.education.imagin.demo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** French name, place and street lists used by the demo generator. */
final class Names {

    private Names() {}

    static final String[] PRENOMS_F = {
        "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sophie", "Christine", "Valérie", "Sandrine",
        "Véronique", "Stéphanie", "Céline", "Aurélie", "Émilie", "Éloïse", "Hélène", "Élodie", "Julie", "Camille",
        "Laure", "Anne", "Florence", "Patricia", "Corinne", "Karine", "Virginie", "Delphine", "Caroline", "Agnès",
        "Béatrice", "Brigitte", "Cécile", "Claire", "Chloé", "Clémence", "Danièle", "Estelle", "Fabienne",
        "Françoise", "Frédérique", "Gaëlle", "Geneviève", "Inès", "Jeanne", "Joëlle", "Juliette", "Laetitia",
        "Léa", "Lucie", "Magali", "Manon", "Marion", "Martine", "Mélanie", "Monique", "Mylène", "Noémie",
        "Océane", "Pascale", "Pauline", "Rachel", "Régine", "Sabine", "Séverine", "Solène", "Sonia", "Suzanne",
        "Sylviane", "Thérèse", "Valentine", "Vanessa", "Yasmina", "Zoé", "Anaïs", "Amélie", "Armelle",
        "Bérénice", "Capucine", "Charlotte", "Christelle", "Coralie", "Élise", "Emmanuelle", "Eva", "Fanny",
        "Gwenaëlle", "Héloïse", "Irène", "Jocelyne", "Josiane", "Laurence", "Maëlle", "Maryse", "Nadège",
        "Nadia", "Odile", "Perrine", "Rose", "Sarah", "Ségolène", "Sidonie", "Yvette", "Margaux", "Fatima",
        "Leïla", "Noëlle", "Anne-Sophie", "Marie-Claire", "Marie-Hélène", "Ophélie", "Aude", "Bénédicte",
        "Carole", "Dorothée", "Edwige", "Ghislaine", "Hortense", "Ingrid", "Justine", "Katia", "Lydie",
        "Mathilde", "Nicole", "Orianne", "Priscilla", "Rébecca", "Salomé", "Tiphaine", "Ursule", "Victoire",
        "Wendy", "Yolande", "Zohra", "Adèle", "Alice", "Audrey", "Axelle", "Blandine", "Chantal", "Colette",
        "Déborah", "Elsa", "Gisèle", "Hélèna", "Jacqueline", "Lise", "Louise", "Maud", "Myriam", "Nelly",
        "Romane", "Sylvaine", "Tatiana",
    };

    static final String[] PRENOMS_M = {
        "Jean", "Pierre", "Philippe", "Michel", "Alain", "Patrick", "Nicolas", "Christophe", "Stéphane",
        "Laurent", "Frédéric", "Éric", "Olivier", "Sébastien", "Thierry", "David", "Julien", "Pascal", "Vincent",
        "François", "Jérôme", "Bruno", "Didier", "Guillaume", "Thomas", "Alexandre", "Antoine", "Mathieu",
        "Benoît", "Cédric", "Damien", "Fabrice", "Franck", "Gilles", "Grégory", "Hervé", "Jacques", "Jean-Luc",
        "Jean-Marc", "Jean-Pierre", "Jérémy", "Joël", "José", "Karim", "Lionel", "Loïc", "Ludovic", "Marc",
        "Maxime", "Mickaël", "Noël", "Raphaël", "Régis", "Rémi", "Romain", "Samuel", "Serge", "Simon",
        "Sylvain", "Théo", "Tristan", "Xavier", "Yannick", "Yves", "Arnaud", "Aurélien", "Baptiste", "Bertrand",
        "Clément", "Denis", "Dominique", "Emmanuel", "Fabien", "Florent", "Gaël", "Gérard", "Hugo",
        "Jean-François", "Joseph", "Kévin", "Lucas", "Louis", "Marcel", "Matthieu", "Mehdi", "Nabil", "Paul",
        "Quentin", "René", "Robert", "Thibault", "Valentin", "Victor", "Yohann", "Adrien", "Alexis", "Anthony",
        "Benjamin", "Cyril", "Gaëtan", "Jean-Baptiste", "Léo", "Étienne", "Éloi", "Anatole", "Armand", "Bastien",
        "Benoît-Xavier", "Charles", "Christian", "Daniel", "Édouard", "Félix", "Florian", "Gabriel", "Georges",
        "Gustave", "Henri", "Hocine", "Jacky", "Jonathan", "Jordan", "Laurent-Pierre", "Luc", "Manuel",
        "Marius", "Martin", "Maurice", "Nathan", "Octave", "Pascal-Henri", "Patrice", "Philibert", "Rachid",
        "Raymond", "Roland", "Sacha", "Stanislas", "Tanguy", "Timothée", "Ulysse", "Vivien", "Wilfried",
        "Yann", "Youssef", "Zacharie", "Aymeric", "Bernard", "Claude", "Didier-Jean", "Elie", "Ferdinand",
    };

    static final String[] NOMS = {
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Lefebvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier",
        "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier",
        "Masson", "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
        "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
        "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
        "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume",
        "Lecomte", "Lopez", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis",
        "Moulin", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
        "Adam", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Renault", "Charpentier", "Ménard", "Maillard",
        "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet", "Léger",
        "Bouvier", "Prévost", "Millet", "Perrot", "Le Roux", "Cousin", "Germain", "Breton", "Besson",
        "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun",
        "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez",
        "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Chauvin", "Da Silva",
        "Bouchet", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Hoarau", "Barthélemy", "Cordier",
        "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte", "Béranger",
        "N'Diaye", "D'Almeida", "Desmoulins", "Pagès", "Castéra", "Estève", "Sénéchal", "Thébault", "Bézier",
    };

    /** Famous people and places establishments are named after (RNE style: upper case, no accents). */
    static final String[] PATRONYMES = {
        "JEAN JAURES", "PIERRE DE FERMAT", "VICTOR HUGO", "JULES FERRY", "MARIE CURIE", "JEAN MOULIN",
        "LOUISE MICHEL", "GEORGE SAND", "SIMONE VEIL", "JEAN MERMOZ", "ANTOINE DE SAINT-EXUPERY", "PAUL ELUARD",
        "JACQUES PREVERT", "ALBERT CAMUS", "JEAN ROSTAND", "LOUIS PASTEUR", "MONTESQUIEU", "VOLTAIRE",
        "JEANNE D'ARC", "CONDORCET", "DESCARTES", "BLAISE PASCAL", "JULES VERNE", "EMILE ZOLA", "ARISTIDE BRIAND",
        "CHARLES DE GAULLE", "GEORGES POMPIDOU", "PIERRE ET MARIE CURIE", "LEON BLUM", "JEAN MACE",
        "PAUL VALERY", "ARTHUR RIMBAUD", "GUSTAVE EIFFEL", "CLEMENT ADER", "ANDRE MALRAUX", "JEAN MONNET",
        "LUCIE AUBRAC", "OLYMPE DE GOUGES", "SIMONE DE BEAUVOIR", "MARGUERITE YOURCENAR", "COLETTE",
        "GERMAINE TILLION", "JOSEPHINE BAKER", "GISELE HALIMI", "FRANCOISE DOLTO", "CAMILLE CLAUDEL",
        "MARCEL PAGNOL", "JEAN GIONO", "FRANCOIS MITTERRAND", "PIERRE MENDES FRANCE", "JEAN ZAY",
        "HONORE DE BALZAC", "STENDHAL", "GUSTAVE FLAUBERT", "MOLIERE", "JEAN DE LA FONTAINE", "RACINE",
        "CORNEILLE", "RABELAIS", "MICHEL DE MONTAIGNE", "ROUSSEAU", "DIDEROT", "LAVOISIER", "AMPERE",
        "ANDRE-MARIE AMPERE", "EVARISTE GALOIS", "HENRI POINCARE", "SOPHIE GERMAIN", "PAUL LANGEVIN",
        "FREDERIC MISTRAL", "JEAN JACQUES ROUSSEAU", "CHARLES BAUDELAIRE", "GUILLAUME APOLLINAIRE",
        "JEAN COCTEAU", "BORIS VIAN", "JACQUES BREL", "GEORGES BRASSENS", "CLAUDE NOUGARO", "CHARLES PERRAULT",
        "ALEXANDRE DUMAS", "ALPHONSE DAUDET", "LOUIS ARAGON", "ELSA TRIOLET", "ROBERT SCHUMAN", "JEAN VILAR",
        "AUGUSTE RENOIR", "CLAUDE MONET", "HENRI MATISSE", "TOULOUSE-LAUTREC", "PAUL CEZANNE", "HECTOR BERLIOZ",
        "MAURICE RAVEL", "CLAUDE DEBUSSY", "GABRIEL FAURE", "PIERRE-PAUL RIQUET", "JEAN-PIERRE VERNANT",
        "RENE CASSIN", "MARC BLOCH", "LUCIEN FEBVRE", "JEAN-FRANCOIS CHAMPOLLION", "FERDINAND BUISSON",
        "LOUIS ARMAND", "JULES GUESDE", "AIME CESAIRE", "LEOPOLD SEDAR SENGHOR", "NELSON MANDELA",
        "ROSA PARKS", "ANNE FRANK", "MARIE MARVINGT", "HELENE BOUCHER", "ADRIENNE BOLLAND", "SAINT-JOSEPH",
    };

    static final String[] LIEUX = {
        "DU LAC", "LES CHALETS", "LES ARENES", "DU MIRAIL", "LA PRADETTE", "DES CHENES", "LES TILLEULS",
        "DU PARC", "DES COTEAUX", "LA PLAINE", "DU VAL D'ARIEGE", "LES ROCHES", "DU CANAL", "LE BOIS FLEURI",
        "DES TROIS VALLEES", "LA GARENNE", "LES MOUETTES", "DU PIC DU MIDI", "DE LA VALLEE DU LOT",
        "DES HAUTS DE GARONNE",
    };

    static final String[] RUES = {
        "RUE VICTOR HUGO", "AVENUE JEAN JAURES", "RUE DE LA REPUBLIQUE", "CHEMIN DES VIGNES", "ALLEE DES TILLEULS",
        "BOULEVARD GAMBETTA", "RUE DU MOULIN", "IMPASSE DES LILAS", "PLACE DE L'EGLISE", "ROUTE DE NARBONNE",
        "RUE PASTEUR", "RUE DES ECOLES", "AVENUE DE LA GARE", "RUE DU 8 MAI 1945", "RUE DE LA PAIX",
        "CHEMIN DU LAC", "RUE DES JARDINS", "AVENUE DES PYRENEES", "RUE DU STADE", "RUE NATIONALE",
        "BOULEVARD DE STRASBOURG", "RUE DU COMMANDANT DUBOIS", "RUE DES ACACIAS", "AVENUE DE LATTRE DE TASSIGNY",
        "RUE JULES FERRY", "RUE SAINT-MICHEL", "CHEMIN DE LA FONTAINE", "RUE DES PRES", "ALLEE DES PINS",
        "RUE DE LA MAIRIE", "AVENUE DU GENERAL LECLERC", "RUE DES CERISIERS", "RUE ANATOLE FRANCE",
        "RUE DU CHATEAU", "QUAI DE LA DAURADE", "RUE DES FLEURS", "COURS DIDEROT", "ROUTE DE PARIS",
        "RUE DE LA LIBERATION", "RUE D'ALSACE-LORRAINE",
    };

    static final String[] MAIL_PERSO_DOMAINS = {
        "gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "sfr.fr", "yahoo.fr", "wanadoo.fr",
        "outlook.fr", "gmail.com", "orange.fr", "gmail.com",
    };

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** ASCII, lower case, for mail local parts: accents dropped, spaces become '-', apostrophes vanish. */
    static String fold(String s) {
        String d = Normalizer.normalize(s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae"),
                Normalizer.Form.NFD);
        d = MARKS.matcher(d).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                out.append(c);
            } else if (c == ' ') {
                out.append('-');
            }
        }
        return out.toString();
    }
}
