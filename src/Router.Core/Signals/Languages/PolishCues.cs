namespace Router.Core.Signals.Languages;

/// <summary>How Polish asks: perfective imperatives and infinitives ("napisz", "napisać", "napiszcie"), nouns in their
/// cases as stems ("funkcj" for "funkcja", "funkcję", "funkcji"), diacritics typed or not.</summary>
internal static class PolishCues
{
    public static LanguageCues Cues { get; } = new("pl")
    {
        Evidence =
        [
            "się|", "nie|", "że|", "jak|", "dla|", "czy|", "oraz|", "jako|", "który|", "która|", "które|", "mój|",
            "moja|", "moje|", "tym|", "tego|", "tej|", "być|", "jestem|", "proszę|", "przez|", "tylko|", "już|",
            "bardzo|", "może|", "można|", "mam|", "mnie|", "to jest|", "gdzie|", "dlaczego|", "jaki|",
            "jaka|", "jakie|", "każdy|", "wszystkie|", "oraz|", "albo|", "lub|", "żeby|", "aby|", "pomóż|", "potrzebuję|",
            "chcę|", "mogę|", "możesz|",
        ],
        ProofVerbs = ["udowodnij", "udowodnić", "udowodnienie", "dowód", "dowodu", "wykaż", "wykazać", "pokaż że", "pokazać że", "obal|"],
        DeriveVerbs = ["wyprowadź", "wyprowadzić", "wyznacz wzór", "wyprowadzenie"],
        SolveVerbs = ["rozwiąż", "rozwiązać", "oblicz", "obliczyć", "policz|", "policzyć", "wylicz", "wyznacz|"],
        ComputeQuestions = ["ile|", "jak długo", "jak daleko", "jak szybko", "o której", "po jakim czasie", "prędkość", "prędkości", "średni", "odległość"],
        CountingQuestions = ["na ile sposobów", "ile jest sposobów", "ile sposobów", "ile różnych", "ile kombinacji", "ile permutacji", "ile podzbiorów"],
        MathTerms =
        [
            "liczb* pierwsz", "twierdzeni", "lemat", "indukcj", "liczb* całkowit", "podzieln", "niewymiern",
            "liczb* wymiern", "wielomian", "pochodn", "całka|", "całki|", "całkę|", "całkowani", "równani", "nierównoś", "silnia|", "silni|", "silnię|", "permutacj", "kombinacj",
            "kombinatoryk", "szufladkow", "sprzeczn", "nieskończenie wiele", "przeliczaln", "bijekcj", "nwd|", "nww|",
            "logarytm", "pierwiast", "ciąg* geometryczn", "ciąg* arytmetyczn", "wartość własn", "wartości własn",
            "wyznacznik", "aksjomat", "trójkąt", "kąt|", "kąty|", "kątów|", "rekurencj", "ciąg fibonacciego", "parzyst",
            "nieparzyst", "fibonacciego", "współczynnik dwumianow",
        ],
        ProbabilityTerms =
        [
            "prawdopodobieństw", "wartość oczekiwan", "wartości oczekiwan", "kostk* do gry", "rzut* kostką", "rzut* monetą",
            "rzut* kostki", "talii kart", "talia kart", "losowo", "wariancj", "odchyleni* standardow",
        ],
        ComplexityTerms =
        [
            "złożoność* czasow", "złożoność* obliczeniow", "złożoność* pamięciow", "złożoność* algorytm", "złożoności* czasow",
            "złożoności* obliczeniow", "notacj* o|", "duże o|", "asymptotyczn", "zamortyzowan", "np zupełn", "np trudn",
            "najgorszym przypadku", "pesymistyczn", "średnim przypadku",
        ],
        LogicPuzzles =
        [
            "zagadk", "łamigłówk", "zawsze kłamie", "zawsze mówi prawdę", "kłamc", "rycerze i łotrzy", "sylogizm",
            "zadanie logiczne", "zagadka logiczna",
        ],
        ReasoningAsks = ["krok po kroku", "uzasadnij", "uzasadnienie", "rozumowani"],
        CodeVerbs =
        [
            "napisz", "napisać", "napiszesz", "napiszcie", "stwórz", "stworzyć", "utwórz", "utworzyć", "wygeneruj",
            "wygenerować", "zbuduj", "zbudować", "daj mi", "pokaż mi", "przekonwertuj", "przepisz", "dodaj",
            "zoptymalizuj", "zrób|", "zróbcie|", "zaprogramuj", "skonstruuj",
        ],
        ImplementVerbs = ["zaimplementuj", "zaimplementować", "implementacj", "zaimplementowa", "zaprogramuj"],
        FixVerbs = ["napraw", "naprawić", "popraw", "poprawić", "usuń błąd", "usuń błędy", "rozwiąż problem"],
        CodeOnlyVerbs = ["zdebuguj", "debuguj", "debugowa", "zrefaktoryzuj", "refaktoryzacj", "zrefaktoruj", "refaktoryzuj"],
        CodeNouns =
        [
            "funkcj", "metod", "klasa|", "klasę|", "klasy|", "klasie|", "skrypt", "?script", "zapytani* sql",
            "wyrażeni* regularn", "?regex", "?program|", "programu|", "programie|", "algorytm", "kod|", "kodu|", "kodem|",
            "kodzie|", "komponent", "moduł|", "modułu|", "modułem|", "modułów|", "bibliotek", "test* jednostkow", "pętl", "struktur* danych", 
            "poleceni", "dekorator", "aplikacj", "?endpoint", "?api|", "?singleton", "wzorzec projektowy", "bezpieczn* wątkowo",
            "kopiec", "drzew* binarn", "drzew* poszukiwań", "tablic* mieszając", "list* wiązan", "kolejk* priorytetow", "graf|", "grafu|", "słownik",
            "stos|", "stosu|", "stosem|", "kolejk", "pamięć podręczn", "serwer", "wyszukiwani* binarn", "drzewo|",
        ],
        BugNouns = ["?bug|", "?bugi|", "błąd|", "błędu", "błędy", "błędem", "wyjątek", "wyjątku", "komunikat* błędu"],
        TextNouns =
        [
            "zdani", "tekst", "e mail", "list* motywacyjn", "akapit", "ortografi", "gramatyk", "tłumaczeni", "wiadomoś",
            "artykuł", "wiersz", "wypracowani", "esej", "?cv|",
        ],
        ProblemReports =
        [
            "nie działa", "nie kompiluje", "nie uruchamia", "nie startuje", "wywala się", "wywala błąd", "wysypuje się",
            "rzuca wyjątek", "rzuca błąd", "zwraca null", "wyciek* pamięci", "zawiesza się", "crashuje",
        ],
        HowWords =
        [
            "jak mogę", "jak zrobić", "jak utworzyć", "jak stworzyć", "jak skonfigur", "jak zainstal", "jak użyć", "jak używać",
            "jak zaimplement", "jak napisać", "jak połączyć", "jak zmienić", "jak odczytać", "jak dodać", "jak uruchomić",
            "jak|", "!jak najbardziej", "!jak i|", "!tak jak", "!jak również", "!jak dotąd",
        ],
        Lookups =
        [
            "przetłumacz", "tłumaczenie", "jak się mówi", "jak powiedzieć", "co znaczy", "co oznacza", "znaczenie",
            "synonim", "po angielsku", "po polsku",
        ],
        DesignVerbs = ["zaprojektuj", "zaprojektować", "projektowani", "zaplanuj", "zaplanować", "naszkicuj", "rozplanuj", "zaproponuj"],
        SystemNouns =
        [
            "systemu|", "systemem|", "systemie|", "systemów|", "systemy|", "architektur", "platforma|", "platformie|",
            "platformy|", "platformę|", "infrastruktur", "?backend", "usług", "serwis", "mikroserwis", "schemat* bazy danych",
            "model* danych", "aplikacj",
            "?system|",
        ],
        ArchitectureTerms =
        [
            "architektur", "skalowaln", "skalowani", "wysok* dostępnoś", "odpornoś* na awarie", "system* rozproszon",
            "rozproszon", "równoważeni* obciążenia", "replikacj", "partycjonowani", "mikroserwis", "monolit|", "monolitu|", "monolitem|", "monolityczn", "spójnoś",
            "sterowan* zdarzeniami", "kolejk* komunikatów", "kolejk* wiadomości", "odtwarzani* po awarii", "latencj",
            "współbieżnoś", "obciążeni",
        ],
        AllWords = ["cały|", "cała|", "całe|", "całego|", "całym|", "całej|", "całość"],
        EachWords = ["wszystkie|", "wszystkich|", "wszystkim|", "każdy|", "każda|", "każde|", "każdego|", "każdej|", "każdym|", "kilku|", "dziesiątki", "setki", "między|", "pomiędzy", "kilka|"],
        CodebaseNouns = ["repozytori", "baz* kodu", "kod* źródłow", "projekt", "?monorepo", "?codebase", "aplikacj", "?system|", "systemu|"],
        StructureNouns = ["struktur", "przegląd", "architektur"],
        PartsNouns =
        [
            "serwisy|", "serwisów|", "serwisach|", "usługi|", "usług|", "usługach|", "moduły|", "modułów|", "modułach|",
            "pakiety|", "pakietów|", "komponenty|", "komponentów|", "zespoły|", "zespołów|", "repozytoriach", "warstw",
            "mikroserwisy", "mikroserwisów", "mikroserwisach",
            "pliki", "plików", "plikach",
        ],
        ImageReferences = ["zrzut* ekranu", "zrzucie ekranu", "?screenshot", "na obrazku", "na zdjęciu", "na obrazie", "na zrzucie", "na screenie"],
        ImageNouns = ["obraz", "!obraźliw", "zdjęci", "ilustracj"],
        DiagramNouns = ["?diagram", "diagramie", "schemat|", "schematu|", "schematy|", "schemacie|", "wykres", "szkic", "rysun", "slajd", "makiet"],
        Deictics = ["tym|", "tej|", "?ten|", "tego|", "?ta|", "załączon", "powyższ", "poniższ", "przesłan", "wrzucon", "?te|", "tych|", "tymi|"],
        PuzzleHints =
        [
            "klepsydr", "wag* szalkow", "wadze szalkowej", "ważeni", "więźni", "kapelusz", "wiadro", "wiadra", "dzban", "fałszyw* monet", "monet|", "monety|", "kto co robi", "dokładnie", "przez rzekę",
            "kto gdzie mieszka", "kto mieszka", "kto jest kim",
        ],
        ComplexityNouns =
        [
            "złożoność", "złożoności",
        ],
        MigrationWords =
        [
            "migracj", "migrować", "przenieść", "przeniesieni", "przejść z", "przejście z", "podzielić na", "rozbić na",
        ],
        PlanNouns =
        [
            "?plan|", "planu|", "kroki", "strategi|", "strategię|", "strategia|", "etapy", "etapów", "fazy", "ryzyka", "kolejność", "harmonogram",
        ],
        Roadmaps =
        [
            "?roadmap", "mapa drogowa", "plan migracji",
        ],
        ChooseWords =
        [
            "wybrać między", "wybrać pomiędzy", "zdecydować", "wady i zalety", "zalety i wady", "porównaj", "porównanie", "które podejście", "co lepsze", "która opcja",
        ],
        Technologies =
        [
            "?pythonie", "?pythona", "?pythonem", "?pythonu", "?javie|", "?javy|", "?javascripcie", "?javascriptu", "?typescripcie", "?typescriptu", "?rusta|", "?ruście", "?dockerze", "?dockera", "?kubernetesie", "?kubernetesa", "?reactcie", "?reacta|", "?gicie", "?gita|", "?postgresie", "?postgresa", "?djangu", "?djangi",
        ],
        WhyWords =
        [
            "dlaczego", "czemu|",
        ],
        StructureVerbs =
        [
            "zorganiz", "organizow", "podziel", "strukturyz", "rozdziel", "rozbić",
        ],
        FalseFriends =
        [
            "jest", "pod", "pods",
        ],
    };
}
