namespace Router.Core.Signals.Languages;

/// <summary>How French asks: tu and vous imperatives ("écris", "écrivez"), infinitives ("écrire"), elisions
/// ("l'architecture" reads as "l architecture"). Many French technical words are English words too; they count only
/// beside a word that is French alone.</summary>
internal static class FrenchCues
{
    public static LanguageCues Cues { get; } = new("fr")
    {
        Evidence =
        [
            "le|", "les|", "une|", "et|", "pour|", "avec|", "dans|", "qui|", "que|", "ce|", "cette|", "ces|", "je|", "tu|",
            "vous|", "nous|", "pas|", "aux|", "sur|", "ma|", "mes|", "leur|", "mais|", "où|", "pourquoi|", "quel|",
            "quelle|", "quels|", "peux|", "pouvez|", "faire|", "il|", "elle|", "sont|", "être|", "très|", "qu|", "voici|",
            "merci|", "bonjour|", "chaque|", "tous|", "toutes|", "entre|", "dois|", "doit|", "avez|", "puis|", "aidez|", "aider|",
            "c est|", "j ai|", "d un|", "d une|", "n est|", "s il|", "est ce|", "peux tu|", "pouvez vous|",
        ],
        ProofVerbs =
        [
            "prouv", "démontr", "montre que", "montrer que", "montrez que", "?réfute", "établis que", "établissez que",
            "justifie que",
        ],
        DeriveVerbs = ["déduis", "déduire", "déduisez", "établis la formule", "trouve la formule", "dérive la", "dériver|"],
        SolveVerbs = ["résous", "résoudre", "résolvez", "calcule|", "calculer|", "calculez", "?détermine|", "déterminez"],
        ComputeQuestions = ["combien", "à quelle heure", "quelle distance", "en combien de temps", "vitesse", "moyenne", "?distance"],
        CountingQuestions =
        [
            "de combien de façons", "combien de façons", "combien de manières", "de combien de manières", "combien de chemins",
            "combien de combinaisons", "combien de permutations", "combien de sous ensembles",
        ],
        MathTerms =
        [
            "nombre premier", "nombres premiers", "théorème", "lemme", "?récurrence", "entier|", "entiers|", "entier naturel",
            "entiers naturels", "divisible par", "irrationnel", "rationnel", "polynôme", "dérivée", "intégrale", "?équation",
            "inéquation", "inégalité", "factorielle", "combinaisons", "combinatoire", "tiroirs", "par l absurde",
            "une infinité", "dénombrable", "pgcd|", "ppcm|", "logarithme", "racine carrée", "suite géométrique",
            "suite arithmétique", "valeur propre", "?déterminant", "axiome", "?triangle", "?angles", "?impair|", "impairs|",
            "nombre pair", "est pair", "coefficient binomial", "limite de",
        ],
        ProbabilityTerms =
        [
            "probabilité", "espérance", "dé équilibré", "lancer de dé", "lancers de dé", "lance un dé", "deux dés", "pile ou face",
            "jeu de cartes", "au hasard", "aléatoirement", "écart type",
            "pièce équilibrée", "lancer une pièce", "lance une pièce", "nombre moyen de", "en moyenne combien", "combien en moyenne",
        ],
        ComplexityTerms =
        [
            "complexité temporelle", "complexité en temps", "complexité spatiale", "complexité en espace",
            "complexité algorithmique", "complexité de l algorithme", "complexité asymptotique", "notation o", "notation grand o",
            "asymptotique", "np complet", "np difficile",
            "pire cas", "cas moyen", "le pire des cas",
        ],
        LogicPuzzles =
        [
            "énigme", "devinette", "casse tête", "ment toujours", "dit toujours la vérité", "menteur", "chevaliers et fripons",
            "syllogisme", "problème de logique", "puzzle logique",
        ],
        ReasoningAsks = ["raisonnement", "étape par étape", "pas à pas", "justifie|", "justifiez"],
        CodeVerbs =
        [
            "écris", "écrire", "écrivez", "écris moi", "?crée|", "créer|", "créez", "génère", "générer", "générez", "construis",
            "construire", "développe", "développer", "donne moi", "donnez moi", "montre moi", "montrez moi", "convertis",
            "convertir", "réécris", "réécrire", "ajoute", "ajouter", "?optimiser|", "optimisez", "fais|", "faites|", "code moi",
            "?coder|", "rédige",
            "j ai besoin", "il me faut",
        ],
        ImplementVerbs = ["implémente|", "?implémenter|", "implémentez", "?programmer|", "programme moi"],
        FixVerbs = ["corrige", "corriger", "corrigez", "répare", "réparer", "réparez", "résous le", "améliore"],
        CodeOnlyVerbs = ["débogue", "déboguer", "déboguez", "débugue", "débuguer", "refactore|", "refactoriser", "?refactorise"],
        CodeNouns =
        [
            "fonction", "fonctions", "méthode", "méthodes", "classe|", "?classes|", "?script", "requête", "expression régulière",
            "expressions régulières", "?regex", "?programme|", "?programmes|", "algorithme", "?code|", "composant", "?module|",
            "bibliothèque", "test unitaire", "tests unitaires", "boucle", "structure de données", "commande|", "commandes|", "ligne de commande",
            "décorateur", "?api|", "point de terminaison", "?application", "appli|", "?endpoint", "?singleton", "patron de conception",
            "tas binaire", "arbre binaire", "arbre de recherche", "table de hachage", "liste chaînée", "file de priorité", "graphe|", "graphes|",
            "?pile|", "file d attente", "?cache|", "serveur", "recherche binaire", "arbre|",
        ],
        BugNouns = ["?bug|", "?bugs|", "bogue", "erreur", "?exception", "plantage", "message d erreur", "trace de la pile"],
        TextNouns =
        [
            "?phrase", "texte|", "textes|", "courriel", "e mail", "lettre", "paragraphe", "?rédaction", "orthographe", "grammaire",
            "traduction", "?message|", "?article", "poème", "?dissertation", "?cv|",
        ],
        ProblemReports =
        [
            "ne marche pas", "ne fonctionne pas", "marche pas", "fonctionne pas", "plante|", "ne compile pas", "lève une exception",
            "lance une exception", "renvoie null", "fuite de mémoire", "interblocage", "se bloque", "ne démarre pas",
        ],
        HowWords =
        [
            "?comment", "comment faire", "comment puis je", "comment créer", "comment configurer", "comment installer",
            "comment utiliser", "comment implémenter", "comment lire", "comment écrire", "comment ajouter", "comment obtenir",
            "comment changer", "comment connecter", "comment lancer",
        ],
        Lookups =
        [
            "traduis", "traduire", "traduisez", "comment dit on", "comment on dit", "que veut dire", "que signifie", "?signification",
            "synonyme", "antonyme", "en anglais", "en français",
        ],
        DesignVerbs = ["conçois", "concevoir", "concevez", "?conception", "planifie", "esquisse", "modélise", "dessine", "structure le"],
        SystemNouns =
        [
            "système", "?architecture", "plateforme", "?infrastructure", "?backend", "?service", "?microservice",
            "schéma de base de données", "modèle de données", "?application",
        ],
        ArchitectureTerms =
        [
            "?architecture", "scalabilité", "passage à l échelle", "montée en charge", "haute disponibilité", "tolérance aux pannes",
            "systèmes distribués", "système distribué", "répartition de charge", "équilibrage de charge", "?réplication",
            "partitionnement", "?microservices", "monolithe", "?cohérence", "orienté événements", "file de messages",
            "files de messages", "reprise après sinistre", "latence", "?concurrence", "pics de charge",
            "charge élevée",
        ],
        AllWords = ["?tout|", "toute|", "entier|", "entière|", "ensemble du", "l ensemble"],
        EachWords = ["tous|", "toutes|", "chaque|", "plusieurs|", "dizaines", "centaines de", "entre|"],
        CodebaseNouns = ["?dépôt", "base de code", "code source", "projet", "?monorepo", "référentiel", "?codebase", "?application", "système", "appli|"],
        StructureNouns = ["?structure", "vue d ensemble", "?organisation"],
        PartsNouns = ["?services|", "?modules|", "paquets", "composants", "?microservices", "équipes", "?dépôts", "?couches", "fichiers"],
        ImageReferences = ["capture d écran", "captures d écran", "?screenshot", "sur l image", "dans l image", "sur la photo", "de l image"],
        ImageNouns = ["?image|", "?images|", "?photo|", "?photos|", "?illustration", "?figure|"],
        DiagramNouns = ["diagramme", "?schéma", "graphique", "croquis", "dessin", "tableau blanc", "diapositive", "maquette"],
        Deictics = ["cette|", "ce|", "ci jointe", "ci joint", "jointe|", "ci dessus", "suivante", "suivant", "ces|"],
        PuzzleHints =
        [
            "sablier", "sabliers", "balance à deux plateaux", "?balance|", "pesée", "pesées", "prisonniers", "chapeau", "chapeaux", "seau|", "seaux|", "cruche", "fausse pièce", "qui fait quoi", "exactement", "traverser la rivière",
            "qui habite où", "qui habite", "qui est qui",
        ],
        ComplexityNouns =
        [
            "complexité",
        ],
        MigrationWords =
        [
            "migrer", "?migration", "passer de", "basculer", "découper en", "porter vers",
        ],
        PlanNouns =
        [
            "?plan|", "étapes", "stratégie|", "?stratégies|", "?phases|", "risques", "ordre des", "jalons", "calendrier",
        ],
        Roadmaps =
        [
            "feuille de route", "?roadmap", "plan de migration",
        ],
        ChooseWords =
        [
            "choisir entre", "?décider", "avantages et inconvénients", "le pour et le contre", "?comparer|", "?compare|", "quelle approche", "lequel est le meilleur", "quelle option",
        ],
        WhyWords =
        [
            "pourquoi",
        ],
        StructureVerbs =
        [
            "?organis", "?structur", "?découp", "diviser", "séparer",
        ],
        FalseFriends =
        [
            "vue",
        ],
    };
}
