namespace Router.Core.Signals.Languages;

/// <summary>How German asks: imperatives in du and Sie forms ("schreibe", "schreiben Sie"), compounds ("Hilfsfunktion",
/// "Systemarchitektur") and separable verbs ("baue … auf").</summary>
internal static class GermanCues
{
    public static LanguageCues Cues { get; } = new("de")
    {
        Evidence =
        [
            "der|", "das|", "und|", "ist|", "nicht|", "ein|", "eine|", "einen|", "einem|", "einer|", "eines|",
            "auf|", "wie|", "ich|", "dass|", "mein|", "meine|", "meinen|", "meinem|", "dieser|", "diese|", "dieses|",
            "diesen|", "diesem|", "von|", "zu|", "zum|", "zur|", "bitte|", "kann|", "kannst|", "können|", "wird|", "werden|",
            "sind|", "gibt|", "sie|", "wir|", "ihr|", "auch|", "oder|", "aber|", "noch|", "nur|", "bei|", "nach|", "über|",
            "unter|", "wenn|", "weil|", "warum|", "welche|", "welcher|", "welches|", "dem|", "vom|",
            "mir|", "mich|", "uns|", "sich|", "soll|", "sollte|", "würde|", "würdest|", "muss|", "habe|", "gerade|",
        ],
        ProofVerbs =
        [
            "beweis", "!beweisaufnahme", "zeige dass", "zeig dass", "zeigen sie dass", "zeige man dass", "weise nach",
            "weisen sie nach", "nachweis", "widerleg",
            "zeig * dass", "zeige * dass", "zeigen sie * dass",
        ],
        DeriveVerbs = ["herleit", "leite her", "leiten sie her", "leite die formel"],
        SolveVerbs = ["?löse|", "?löst|", "lösen|", "lösen sie", "berechne", "berechnen sie", "rechne aus", "rechne|", "ermittle|", "bestimme|"],
        ComputeQuestions = ["wie viel", "wieviel", "wie lange", "wie weit", "wie schnell", "wie oft", "um wie viel", "geschwindigkeit", "durchschnittsgeschwindigkeit", "durchschnitt", "entfernung"],
        CountingQuestions =
        [
            "wie viele möglichkeiten", "wie viele arten", "auf wie viele", "wie viele wege", "wie viele kombinationen",
            "wie viele verschiedene", "wie viele anordnungen",
        ],
        MathTerms =
        [
            "primzahl", "primfaktor", "~primzahl", "satz von", "?lemma|", "induktion", "ganze zahl", "ganzen zahl", "ganzzahl",
            "natürliche zahl", "natürlichen zahl", "rationale zahl", "?irrational", "teilbar", "teiler", "ggt|", "kgv|",
            "?modulo", "?polynom", "ableitung", "?integral", "gleichung", "ungleichung", "~gleichung", "?permutation",
            "kombinatorik", "schubfachprinzip", "widerspruch", "unendlich viele", "abzählbar", "bijektiv", "bijektion",
            "logarithmus", "quadratwurzel", "wurzel aus", "geometrische reihe", "eigenwert", "determinante", "?axiom",
            "dreieck", "innenwinkel", "winkelsumme", "rekursionsgleichung", "rekurrenz", "ungerade", "gerade zahl",
            "quadratzahl", "zahlenfolge", "?fibonacci", "binomialkoeffizient", "grenzwert", "konvergent",
        ],
        ProbabilityTerms =
        [
            "wahrscheinlichkeit", "erwartungswert", "würfel", "würfelt", "münzwurf", "münze", "kartenspiel", "zufällig gezogen",
            "zufällig ausgewählt", "varianz", "standardabweichung",
        ],
        ComplexityTerms =
        [
            "zeitkomplexität", "laufzeitkomplexität", "platzkomplexität", "speicherkomplexität", "komplexitätsklasse",
            "asymptotisch", "amortisiert", "np vollständig", "np schwer", "landau",
            "ungünstigsten fall", "schlechtesten fall", "im worst case", "durchschnittlichen fall",
        ],
        LogicPuzzles =
        [
            "rätsel", "!rätselhaft", "logikrätsel", "logikaufgabe", "knobelaufgabe", "denksport", "lügt immer", "immer die wahrheit",
            "lügner", "ritter und schurken", "syllogismus", "folgt logisch", "logisch folgt", "schlussfolger",
        ],
        ReasoningAsks = ["schritt für schritt", "begründe", "begründen sie", "mit begründung", "denke nach", "überlege"],
        CodeVerbs =
        [
            "schreib", "!schreibweise", "!schreibtisch", "!schreibfehler", "!schreibstil", "erstell", "generier", "erzeug",
            "bau|", "baue|", "bauen|", "entwickle", "entwickeln sie", "programmier", "gib mir", "zeig mir", "konvertier",
            "wandle", "umschreib", "schreibe um", "ergänze", "füge", "optimier", "mach mir", "coden|", "code mir",
            "ich brauche", "brauche|", "benötige",
        ],
        ImplementVerbs = ["implementier", "programmier", "umsetz", "setze um", "setzen sie um"],
        FixVerbs = ["behebe", "beheb", "korrigier", "reparier", "fixe|", "fixen|", "verbessere", "bring in ordnung"],
        CodeOnlyVerbs = ["debugge|", "debuggen|", "refaktorier", "?refactor"],
        CodeNouns =
        [
            "funktion", "~funktion", "!funktionier", "!~funktionier", "!funktional", "methode", "~methode", "klasse|", "klassen|",
            "~klasse", "skript", "~skript", "?script", "abfrage", "~abfrage", "regulärer ausdruck", "regulären ausdruck", "?regex",
            "?programm", "?~programm", "algorithmus", "~algorithmus", "quellcode", "?code|", "schnittstelle",
            "endpunkt", "komponente", "modul|", "~modul", "bibliothek", "unit test", "unittest", "testfall", "testfälle",
            "datenstruktur", "schleife", "konstruktor", "befehl", "kommandozeile", "makro", "dekorator", "anwendung", "?app|",
            "?api|", "?parser", "?skript", "?singleton", "entwurfsmuster", "threadsicher", "shellskript", "codezeile",
            "suchbaum", "binärbaum", "hashtabelle", "hash tabelle", "verkettete liste", "?heap|", "prioritätswarteschlange", "graphen",
            "stapelspeicher", "warteschlange", "zwischenspeicher", "webserver", "binäre suche", "~suche|",
        ],
        BugNouns = ["?bug|", "?bugs|", "fehlermeldung", "ausnahme", "?exception", "stacktrace", "absturz", "fehler|", "fehlers|"],
        TextNouns =
        [
            "satz|", "sätze", "?text|", "texte|", "e mail", "?brief|", "aufsatz", "absatz", "formulierung", "rechtschreibung",
            "grammatik", "übersetzung", "nachricht", "artikel", "gedicht", "geschichte", "bewerbung", "lebenslauf",
        ],
        ProblemReports =
        [
            "funktioniert nicht", "geht nicht", "klappt nicht", "stürzt ab", "abstürz", "hängt sich auf", "wirft eine",
            "wirft einen", "schlägt fehl", "fehlgeschlagen", "kompiliert nicht", "läuft nicht", "startet nicht",
            "speicherleck", "endlosschleife",
        ],
        HowWords =
        [
            "wie kann ich", "wie kann man", "wie mache ich", "wie macht man", "wie man|", "wie ich|", "wie erstelle",
            "wie richte", "wie installiere", "wie konfiguriere", "wie verwende", "wie nutze", "wie benutze", "wie baue",
            "wie setze", "wie schreibe", "wie bekomme", "wie lese", "wie rufe", "wie füge",
            "wie * ich", "wie * man", "wie lässt sich",
        ],
        Lookups =
        [
            "übersetz", "wie sagt man", "was bedeutet", "was heißt", "bedeutung von", "bedeutung des", "?synonym",
            "gegenteil von", "auf englisch", "ins englische", "ins deutsche",
        ],
        DesignVerbs =
        [
            "entwirf", "entwerf", "entwurf", "konzipier", "designe|", "gestalte", "?plane|", "planen sie", "skizzier",
            "baue|", "bauen|", "aufbau", "strukturier", "modellier", "architektier",
        ],
        SystemNouns =
        [
            "?system", "?~system", "architektur", "~architektur", "plattform", "~plattform", "infrastruktur", "?backend",
            "dienst|", "mikroservice", "datenbankschema", "datenmodell", "?microservice",
        ],
        ArchitectureTerms =
        [
            "architektur", "~architektur", "skalier", "~skalier", "hochverfügbar", "verfügbarkeit", "ausfallsicher",
            "fehlertoleran", "verteilte system", "verteiltes system", "verteilten system", "lastverteil", "lastausgleich",
            "replikation", "partitionierung", "mikroservice", "?microservices", "?monolith", "konsistenz", "ereignisgesteuert",
            "warteschlange", "nachrichtenwarteschlange", "mandantenfähig", "notfallwiederherstellung", "kapazitätsplanung",
            "datenhaltung", "lastspitze", "durchsatz", "latenz",
        ],
        AllWords = ["ganz|", "ganze|", "ganzen|", "ganzes|", "gesamt", "komplett"],
        EachWords = ["alle|", "?allen|", "aller|", "jede|", "jeden|", "jedem|", "jeder|", "jedes|", "sämtliche", "mehrere|", "verschiedenen|", "dutzende", "zwischen|"],
        CodebaseNouns = ["codebasis", "?codebase", "?repository", "?repo|", "projekt", "quellcode", "?monorepo", "code basis", "anwendung", "?app|", "?system|", "applikation", "?software|"],
        StructureNouns = ["struktur", "aufbau", "überblick", "übersicht"],
        PartsNouns =
        [
            "dienste|", "diensten|", "?services|", "?module|", "modulen|", "pakete|", "paketen|", "komponenten|", "?teams|",
            "mikroservices", "?repositories",
            "dateien|",
        ],
        ImageReferences = ["bildschirmfoto", "?screenshot", "bildschirmaufnahme", "auf dem bild", "im bild", "auf dem foto", "auf dem screenshot"],
        ImageNouns = ["bild|", "bildes|", "bilder|", "bildern|", "foto|", "fotos|", "abbildung", "grafik|"],
        DiagramNouns = ["diagramm|", "diagramme|", "diagrammen|", "diagramms|", "schaubild", "skizze", "zeichnung", "?wireframe", "?mockup", "?whiteboard", "folie|"],
        Deictics = ["diese|", "dieses|", "diesem|", "dieser|", "diesen|", "angehängt", "anhang", "beigefügt", "hochgeladen", "obige"],
        PuzzleHints =
        [
            "sanduhr", "balkenwaage", "waage|", "wägung", "gefangene", "hüte|", "hutfarbe", "eimer", "krug|", "falsche münze", "münzen|", "wer macht was", "wer arbeitet wo", "wer wohnt wo", "wer ist wer", "fluss überqueren",
        ],
        ComplexityNouns =
        [
            "komplexität", "?~komplexität",
        ],
        MigrationWords =
        [
            "migrier", "?migration", "umzieh", "umzug", "ablösen", "ablösung", "umstellen", "umstellung", "portier", "überführ", "aufteilen in", "aufspalten",
        ],
        PlanNouns =
        [
            "schritte|", "schritten|", "?plan|", "migrationsplan", "strategie|", "vorgehen", "reihenfolge", "risiken", "phasen", "meilensteine", "zeitplan", "vorgehensweise",
        ],
        Roadmaps =
        [
            "?roadmap", "fahrplan", "stufenplan", "migrationsplan",
        ],
        ChooseWords =
        [
            "wählen zwischen", "entscheiden", "entscheidung", "vor und nachteile", "vor und nachteilen", "abwägung", "abwägen", "welcher ansatz", "welche variante", "besser geeignet", "vergleiche", "?trade offs",
        ],
        WhyWords =
        [
            "warum", "wieso", "weshalb",
        ],
        StructureVerbs =
        [
            "strukturier", "organisier", "aufteil", "teile * auf", "gliedern", "zerleg", "schneiden|", "schneidet|", "aufbauen|",
        ],
    };
}
