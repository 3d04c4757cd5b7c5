using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in Russian, as users write them: each reaches its tier, and the reasons say "(ru)".</summary>
public sealed class RussianAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "Докажите, что сумма двух нечётных чисел чётна.",
        "Какова вероятность выбросить две шестёрки на двух кубиках?",
        "Реши уравнение 5x - 3 = 17.",
        "Какова временная сложность сортировки слиянием и почему?",
        "Сколькими способами можно рассадить 4 человека за круглым столом?",
        "В комнате трое: рыцарь всегда говорит правду, лжец всегда лжёт. Кто есть кто?",
        "Поезд проехал 180 км за 2 часа. С какой средней скоростью он ехал?",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "Напишите функцию на Python, которая переворачивает строку.",
        "Исправь этот код, он падает с NullPointerException.",
        "Реализуй бинарный поиск на Go.",
        "Как в JavaScript удалить дубликаты из массива?",
        "Создай скрипт, который архивирует логи старше недели.",
        "Отрефактори этот класс, он слишком большой.",
        "Не могли бы вы написать функцию на JavaScript, которая считает количество слов в тексте?",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "Спроектируй архитектуру сервиса доставки еды с высокой доступностью.",
        "Объясни структуру всего репозитория и за что отвечает каждый модуль.",
        "Нам нужно перенести монолит на микросервисы. Составь план миграции с этапами и рисками.",
        "Какие плюсы и минусы у событийно-ориентированной архитектуры для нашего проекта?",
        "Как бы ты разделил большую систему на сервисы и организовал их взаимодействие?",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "Что изображено на этом скриншоте?",
        "Опиши прикреплённое изображение.",
        "Что написано на фото, которое я отправил?",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "В чём разница между «тся» и «ться»?",
        "Переведи «спасибо» на немецкий.",
        "Что значит слово «авось»?",
        "Подбери синоним к слову «быстрый».",
        "Привет, как дела?",
        "Напиши короткое поздравление с днём рождения для коллеги.",
        "Что такое алгоритм простыми словами?",
        "Посоветуй хороший фильм на вечер.",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "ru");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "ru");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "ru");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "ru");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
