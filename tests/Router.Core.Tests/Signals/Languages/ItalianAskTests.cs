using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in Italian, as users write them: each reaches its tier, and the reasons say "(it)".</summary>
public sealed class ItalianAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "Dimostra che la radice quadrata di 2 è irrazionale.",
        "Qual è la probabilità di ottenere almeno una testa lanciando tre monete?",
        "Risolvi l'equazione 2x - 5 = 11.",
        "Qual è la complessità temporale dell'algoritmo di Dijkstra con una coda di priorità?",
        "In quanti modi si possono disporre 5 libri su uno scaffale?",
        "Ho un secchio da 3 litri e uno da 5 litri. Come ottengo esattamente 4 litri?",
        "Se compro 3 mele a 0,50 euro e 2 pere a 0,80 euro, quanto spendo in tutto?",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "Scrivi una funzione in Python che restituisca i numeri primi fino a n.",
        "Correggi questo codice, va in crash quando la lista è vuota.",
        "Implementa una coda con due stack in Java.",
        "Come posso fare una richiesta HTTP in Go?",
        "Crea uno script che rinomini tutti i file di una cartella.",
        "Fai il refactoring di questa classe, è troppo lunga.",
        "Potresti scrivere una funzione JavaScript che formatti una data in italiano?",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "Progetta l'architettura di un sistema di prenotazione voli scalabile e ad alta disponibilità.",
        "Spiegami la struttura di tutto il progetto e come comunicano i servizi.",
        "Dobbiamo migrare il nostro monolite verso i microservizi: prepara un piano con fasi e rischi.",
        "Quali sono i pro e contro di un'architettura a microservizi rispetto a un monolite modulare per noi?",
        "Come struttureresti un sistema distribuito per gestire milioni di ordini al giorno con alta disponibilità?",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "Cosa si vede in questo screenshot?",
        "Descrivi l'immagine allegata.",
        "Riesci a leggere il testo nella foto?",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "Qual è la differenza tra \"ce\" e \"c'è\"?",
        "Traduci \"buongiorno\" in tedesco.",
        "Cosa significa \"menefreghismo\"?",
        "Dammi un sinonimo di \"veloce\".",
        "Ciao, come va?",
        "Scrivi un biglietto di auguri per il matrimonio di mio cugino.",
        "Che cos'è un linguaggio di programmazione?",
        "Consigliami un ristorante a Roma.",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "it");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "it");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "it");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "it");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
