using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in German, as users write them: each reaches its tier, and the reasons say "(de)".</summary>
public sealed class GermanAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "Beweisen Sie, dass die Summe zweier ungerader Zahlen immer gerade ist.",
        "Zeig mir, dass es keine größte Primzahl geben kann.",
        "Wie groß ist die Wahrscheinlichkeit, mit zwei Würfeln eine Sieben zu werfen?",
        "Berechne, nach wie vielen Minuten sich zwei Züge treffen, die 300 km voneinander entfernt mit 80 und 120 km/h aufeinander zufahren.",
        "Welche Zeitkomplexität hat Mergesort im schlechtesten Fall, und warum?",
        "Ein Ritter sagt immer die Wahrheit, ein Schurke lügt immer. A sagt: „B ist ein Schurke.“ Wer ist was?",
        "Leite die Formel für die Summe der ersten n Quadratzahlen her.",
        "Ist 2^31 - 1 eine Primzahl? Begründe deine Antwort.",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "Schreib mir eine Python-Funktion, die alle Duplikate aus einer Liste entfernt.",
        "Kannst du diese Methode so umschreiben, dass sie asynchron läuft?",
        "Implementiere einen LRU-Cache in Java.",
        "Mein Skript wirft einen KeyError, sobald die Datei leer ist – wie behebe ich das?",
        "Erstelle eine SQL-Abfrage, die alle Kunden ohne Bestellung im letzten Jahr liefert.",
        "Wie kann ich in Rust einen String in eine Zahl umwandeln?",
        "Debugge bitte diesen Code, er hängt sich nach dem zweiten Durchlauf auf.",
        "Könnten Sie mir bitte eine Funktion schreiben, die prüft, ob eine Zahl eine Primzahl ist?",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "Entwirf eine skalierbare Architektur für einen Videostreaming-Dienst mit Millionen Nutzern.",
        "Wie sollten wir unser gesamtes Projekt in Microservices aufteilen, und welche Risiken gibt es dabei?",
        "Erkläre mir den Aufbau der ganzen Codebasis und wie die Module zusammenhängen.",
        "Plane die Migration unserer Datenbank von MySQL zu PostgreSQL: Schritte, Risiken und Reihenfolge.",
        "Wir überlegen, ob wir Kafka oder RabbitMQ für die Kommunikation zwischen unseren Diensten nehmen sollen. Was sind Vor- und Nachteile?",
        "Wie würdet ihr die Datenbank für ein Mehrmandanten-System strukturieren, damit es später horizontal skaliert?",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "Was siehst du auf diesem Screenshot?",
        "Kannst du mir erklären, was auf dem Bild im Anhang zu sehen ist?",
        "Beschreibe das angehängte Foto.",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "Was ist der Unterschied zwischen „das“ und „dass“?",
        "Übersetze „Guten Morgen“ ins Englische.",
        "Wie spät ist es in Tokio, wenn es in Berlin 15 Uhr ist?",
        "Nenne mir ein Synonym für „schnell“.",
        "Wie geht es dir heute?",
        "Was bedeutet das Wort „Fernweh“?",
        "Schreibe einen kurzen Geburtstagsgruß für meine Oma.",
        "Was ist ein Algorithmus? Bitte ganz einfach erklärt.",
        "Ich habe gestern meinen ersten Programmierkurs abgeschlossen, juhu!",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "de");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "de");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "de");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "de");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
