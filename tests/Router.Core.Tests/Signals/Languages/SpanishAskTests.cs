using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in Spanish, as users write them: each reaches its tier, and the reasons say "(es)".</summary>
public sealed class SpanishAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "Demuestra que la raíz cuadrada de 3 es irracional.",
        "¿Cuál es la probabilidad de sacar al menos un seis en cuatro tiradas de un dado?",
        "Resuelve la ecuación 3x + 7 = 22 y explica cada paso.",
        "¿Cuál es la complejidad temporal de la búsqueda binaria y por qué?",
        "Prueba por inducción que 1 + 2 + ... + n = n(n+1)/2.",
        "Tengo 8 bolas y una pesa más que las demás. Con una balanza de dos platos, ¿cuántas pesadas necesito como mínimo?",
        "Si un grifo llena un depósito en 6 horas y otro en 3, ¿cuánto tardan juntos?",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "Escríbeme una función en JavaScript que invierta una cadena.",
        "Corrige este código, da un error de índice fuera de rango.",
        "Implementa una pila con dos colas en C++.",
        "¿Cómo puedo conectar Django a una base de datos PostgreSQL?",
        "Genera una expresión regular que valide números de teléfono españoles.",
        "Refactoriza esta clase para que use inyección de dependencias.",
        "¿Podrías escribir un programa en C que lea números y muestre la media?",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "Diseña la arquitectura de una plataforma de reservas de hoteles con alta disponibilidad.",
        "Explícame la estructura de todo el proyecto y cómo se comunican los servicios.",
        "Necesitamos migrar nuestra aplicación monolítica a microservicios. Propón un plan por etapas con los riesgos.",
        "¿Qué ventajas y desventajas tiene usar una base de datos por cliente frente a un esquema compartido en nuestra plataforma multiinquilino?",
        "¿Cómo organizarías el código de una aplicación grande de React para que varios equipos trabajen sin pisarse?",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "¿Qué muestra esta captura de pantalla?",
        "Describe la imagen adjunta.",
        "¿Qué hay en la foto que te acabo de enviar?",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "¿Cuál es la diferencia entre \"haber\" y \"a ver\"?",
        "Traduce \"buenas noches\" al inglés.",
        "¿Qué significa la palabra \"madrugada\"?",
        "Dame un sinónimo de \"feliz\".",
        "Hola, ¿cómo estás?",
        "Escribe un mensaje para felicitar a mi hermana por su graduación.",
        "¿Qué es una base de datos? Explícamelo como a un niño.",
        "Recomiéndame una película para ver esta noche.",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "es");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "es");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "es");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "es");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
