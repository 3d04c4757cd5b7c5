using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in Polish, as users write them: each reaches its tier, and the reasons say "(pl)".</summary>
public sealed class PolishAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "Udowodnij, że suma dwóch liczb nieparzystych jest parzysta.",
        "Jakie jest prawdopodobieństwo wyrzucenia dwóch szóstek dwiema kostkami?",
        "Rozwiąż równanie 4x + 3 = 19.",
        "Jaka jest złożoność czasowa sortowania przez scalanie?",
        "Na ile sposobów można ustawić 6 osób w kolejce?",
        "Wykaż, że pierwiastek z 5 jest liczbą niewymierną.",
        "Pociąg jedzie 120 km w 1,5 godziny. Jaka jest jego średnia prędkość?",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "Napisz funkcję w JavaScripcie, która sprawdza, czy słowo jest palindromem.",
        "Popraw ten kod, rzuca wyjątek przy pustej liście.",
        "Zaimplementuj stos w C.",
        "Jak w Javie odczytać plik linia po linii?",
        "Stwórz skrypt w Pythonie, który pobiera stronę i wypisuje wszystkie linki.",
        "Zrefaktoryzuj tę klasę, żeby była łatwiejsza do testowania.",
        "Czy mógłbyś napisać funkcję w Go, która odwraca tablicę?",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "Zaprojektuj architekturę systemu do rezerwacji biletów kolejowych o wysokiej dostępności.",
        "Wyjaśnij strukturę całego repozytorium i odpowiedzialność poszczególnych modułów.",
        "Chcemy przenieść monolit do mikroserwisów. Przygotuj plan migracji z etapami i ryzykami.",
        "Jakie są wady i zalety architektury sterowanej zdarzeniami w naszym systemie?",
        "Jak podzielić naszą aplikację na mikroserwisy i jak powinny się ze sobą komunikować?",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "Co widać na tym zrzucie ekranu?",
        "Opisz załączone zdjęcie.",
        "Co jest na obrazku, który wysłałem?",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "Jaka jest różnica między \"może\" a \"morze\"?",
        "Przetłumacz \"dzień dobry\" na angielski.",
        "Co znaczy słowo \"kombinować\"?",
        "Podaj synonim słowa \"szybki\".",
        "Cześć, co słychać?",
        "Napisz krótkie życzenia imieninowe dla koleżanki.",
        "Co to jest chmura obliczeniowa?",
        "Polecisz mi jakąś dobrą książkę?",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "pl");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "pl");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "pl");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "pl");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
