namespace Router.Core.Signals.Languages;

/// <summary>How Italian asks: tu and Lei imperatives ("scrivi", "scriva"), clitics ("scrivimi", "dammi"), elisions
/// ("dell'algoritmo").</summary>
internal static class ItalianCues
{
    public static LanguageCues Cues { get; } = new("it")
    {
        Evidence =
        [
            "il|", "lo|", "gli|", "della|", "dello|", "delle|", "degli|", "che|", "una|", "sono|", "questo|", "questa|",
            "questi|", "queste|", "nel|", "nella|", "nei|", "alla|", "dal|", "ma|", "anche|", "mio|", "mia|", "puoi|", "può|",
            "cosa|", "perché|", "quale|", "quali|", "quando|", "ho|", "hai|", "tra|", "fra|", "essere|", "ciao|", "grazie|",
            "vorrei|", "ogni|", "tutti|", "sulla|", "sul|", "nell|", "aiutami|", "potresti|", "però|", "cioè|", "c è|",
        ],
        ProofVerbs = ["dimostra", "dimostrare", "dimostri", "dimostrate", "prova che", "provare che", "mostra che", "mostrare che", "confuta|"],
        DeriveVerbs = ["ricava", "ricavare", "deduci|", "dedurre", "deriva la", "ottieni la formula"],
        SolveVerbs = ["risolvi", "risolvere", "risolva", "calcola", "calcolare", "calcoli|", "determina|", "trova il valore"],
        ComputeQuestions = ["quanto", "quanti|", "quante|", "?quanta|", "a che ora", "quale distanza", "dopo quanto", "velocità", "?media|", "distanza"],
        CountingQuestions = ["in quanti modi", "quanti modi", "quante combinazioni", "quanti percorsi", "quante permutazioni", "quanti sottoinsiemi"],
        MathTerms =
        [
            "numero primo", "numeri primi", "teorema", "?lemma|", "induzione", "intero|", "interi|", "numeri interi",
            "numero intero", "divisibile", "irrazionale", "razionale", "polinomio", "derivata", "integrale", "equazione",
            "equazioni", "disequazione", "disuguaglianza", "fattoriale", "permutazioni", "combinazioni", "combinatoria|",
            "cassetti", "contraddizione", "infiniti|", "numerabile", "biiezione", "mcd|", "mcm|", "logaritmo",
            "radice quadrata", "serie geometrica", "progressione geometrica", "autovalore", "determinante", "assioma",
            "triangolo", "angolo", "angoli", "ricorrenza", "successione", "dispari|", "numero pari", "è pari", "coefficiente binomiale",
        ],
        ProbabilityTerms =
        [
            "probabilità", "valore atteso", "dado equo", "lancio di un dado", "lanci di un dado", "dadi|", "lancio di una moneta",
            "mazzo di carte", "a caso", "casualmente", "varianza", "deviazione standard",
        ],
        ComplexityTerms =
        [
            "complessità temporale", "complessità computazionale", "complessità spaziale", "complessità dell algoritmo",
            "complessità asintotica", "complessità in tempo", "notazione o", "notazione o grande", "asintotic", "ammortizzat",
            "np completo", "np difficile",
            "caso peggiore", "caso pessimo", "caso medio",
        ],
        LogicPuzzles =
        [
            "indovinello", "rompicapo", "?enigma", "mente sempre", "dice sempre la verità", "bugiardo", "cavalieri e furfanti",
            "sillogismo", "gioco logico", "quesito logico", "problema di logica",
        ],
        ReasoningAsks = ["ragionamento", "passo dopo passo", "passo passo", "giustifica", "motiva la risposta"],
        CodeVerbs =
        [
            "scrivi", "scrivere", "scriva", "scrivimi", "crea|", "creare|", "crei|", "?genera|", "generare", "generami",
            "costruisci", "sviluppa", "dammi|", "mostrami", "converti|", "convertire", "riscrivi", "aggiungi", "ottimizza",
            "fai|", "fammi", "prepara|", "programma una", "programma un",
            "ho bisogno", "mi serve", "vorrei|",
        ],
        ImplementVerbs = ["implementa|", "implementare|", "implementi|", "implementazione", "programmare|"],
        FixVerbs = ["correggi", "correggere", "corregga", "ripara", "riparare", "aggiusta", "sistema il", "sistema la", "sistemare", "migliora"],
        CodeOnlyVerbs = ["debugga", "esegui il debug", "fai il debug", "rifattorizza", "refactoring di", "fai il refactoring"],
        CodeNouns =
        [
            "funzione", "funzioni", "metodo", "metodi", "classe|", "classi|", "?script", "?query", "interrogazione",
            "espressione regolare", "espressioni regolari", "?regex", "programma|", "programmi|", "algoritmo", "codice",
            "componente", "?modulo|", "?moduli|", "libreria", "test unitari", "test unitario", "ciclo", "struttura dati",
            "comando", "riga di comando", "decoratore", "?api|", "?endpoint", "applicazione", "?singleton", "?design pattern",
            "?heap|", "albero binario", "albero di ricerca", "tabella hash", "lista concatenata", "coda di priorità", "grafo|", "grafi|",
            "?coda|", "code di|", "pila|", "?cache|", "?server|", "ricerca binaria", "lista collegata",
        ],
        BugNouns = ["?bug|", "?bugs|", "errore", "errori", "eccezione", "messaggio di errore"],
        TextNouns =
        [
            "frase|", "testo|", "?email", "lettera", "paragrafo", "ortografia", "grammatica|", "traduzione", "messaggio", "articolo",
            "poesia", "tema|", "?curriculum",
        ],
        ProblemReports =
        [
            "non funziona", "non compila", "non parte", "non si avvia", "si blocca", "va in crash", "crasha|", "lancia un eccezione",
            "solleva un eccezione", "restituisce null", "perdita di memoria", "si pianta",
        ],
        HowWords =
        [
            "come posso", "come faccio", "come si fa", "come creare", "come configur", "come install", "come usare", "come uso",
            "come utilizz", "come implement", "come collegare", "come leggere", "come scrivere", "come aggiungere", "come ottenere",
            "come eseguire",
            "?come|", "!come un|", "!come una|", "!come il|", "!come la|", "!come lo|", "!come se|", "!cosi come", "!come gli|", "!come i|", "!come le|",
        ],
        Lookups =
        [
            "traduci|", "tradurre", "traducimi", "come si dice", "cosa significa", "che significa", "cosa vuol dire",
            "significato di", "sinonimo", "contrario di", "in inglese", "in italiano",
        ],
        DesignVerbs = ["progetta", "progettare", "progettazione", "disegna", "pianifica", "architetta", "abbozza", "struttura il", "struttura la", "modella"],
        SystemNouns =
        [
            "sistema|", "sistemi|", "architettura", "piattaforma", "infrastruttura", "?backend", "servizio", "microservizio",
            "schema del database", "modello dei dati", "applicazione",
        ],
        ArchitectureTerms =
        [
            "architettura", "scalabilità", "scalabile", "alta disponibilità", "tolleranza ai guasti", "sistemi distribuiti",
            "sistema distribuito", "bilanciamento del carico", "replicazione", "replica dei dati", "partizionamento", "microservizi",
            "monolite", "monolitico", "consistenza eventuale", "orientato agli eventi", "coda di messaggi", "code di messaggi",
            "latenza", "concorrenza", "picchi di carico", "?disaster recovery",
        ],
        AllWords = ["tutto|", "tutta|", "intero|", "intera|", "complessivo", "complessiva"],
        EachWords = ["?tutti|", "tutte|", "ogni|", "ciascun", "diversi|", "vari|", "decine", "ventina", "dozzina", "centinaia", "tra|", "fra|"],
        CodebaseNouns = ["?repository", "base di codice", "?codebase", "codice sorgente", "progetto", "?monorepo", "applicazione", "sistema|", "?app|"],
        StructureNouns = ["struttura", "panoramica", "architettura"],
        PartsNouns = ["servizi|", "?moduli|", "pacchetti", "componenti|", "microservizi", "?team|", "livelli", "strati|", "?file|"],
        ImageReferences = ["?screenshot", "schermata", "cattura dello schermo", "nell immagine", "nella foto", "dell immagine"],
        ImageNouns = ["immagine", "immagini", "foto|", "fotografia", "?figura"],
        DiagramNouns = ["diagramma|", "grafico", "bozza", "disegno", "lavagna", "diapositiva", "?schema"],
        Deictics = ["questa|", "questo|", "allegata", "allegato", "sopra|", "seguente", "caricata", "questi|", "queste|"],
        PuzzleHints =
        [
            "clessidra", "clessidre", "bilancia", "pesata", "pesate", "prigionieri", "cappello", "cappelli", "secchio", "secchi|", "brocca", "moneta falsa", "monete|", "chi fa cosa", "esattamente", "attraversare il fiume",
            "chi abita dove", "chi abita", "chi è chi",
        ],
        ComplexityNouns =
        [
            "complessità",
        ],
        MigrationWords =
        [
            "migrare", "migrazione", "passare da", "spostare su", "spezzare", "suddividere",
        ],
        PlanNouns =
        [
            "?piano|", "passi|", "strategia", "fasi|", "rischi|", "ordine", "tappe|", "cronoprogramma",
        ],
        Roadmaps =
        [
            "?roadmap", "tabella di marcia", "piano di migrazione",
        ],
        ChooseWords =
        [
            "scegliere tra", "scegliere fra", "decidere", "pro e contro", "vantaggi e svantaggi", "confronta|", "confrontare", "quale approccio", "quale è meglio", "quale opzione",
        ],
        WhyWords =
        [
            "perché|",
        ],
        StructureVerbs =
        [
            "organizz", "struttur", "?divid", "suddivid", "separare|",
        ],
        FalseFriends =
        [
            "cargo",
        ],
    };
}
