namespace Router.Core.Signals.Languages;

/// <summary>How Spanish asks: tú and usted imperatives ("escribe", "escriba", "escríbeme"), infinitives, accents typed or
/// not ("función", "funcion").</summary>
internal static class SpanishCues
{
    public static LanguageCues Cues { get; } = new("es")
    {
        Evidence =
        [
            "las|", "una|", "unos|", "unas|", "que|", "por|", "para|", "cómo|", "qué|", "está|",
            "están|", "pero|", "muy|", "esta|", "este|", "esto|", "estos|", "hay|", "puedes|", "puede|", "necesito|",
            "quiero|", "sus|", "cuál|", "cuando|", "dónde|",
            "porque|", "sobre|", "entre|", "también|", "ayúdame|", "hola|", "gracias|", "usando|",
            "cada|", "desde|", "hasta|", "según|", "debería|", "tengo|", "tiene|", "hacer|",
        ],
        ProofVerbs =
        [
            "demuestr", "demostrar", "demostración", "demuéstrame", "prueba que", "pruebe que", "probar que", "pruébalo",
            "muestra que", "muestre que", "refuta|", "comprueba que",
        ],
        DeriveVerbs = ["deduce que", "obtén la fórmula", "deduzca", "dedúcelo", "derivar|", "deriva la"],
        SolveVerbs = ["resuelve", "?resolver|", "resuelva", "calcula|", "calcular|", "calcule|", "calculen|", "halla|", "hallar|", "determina|"],
        ComputeQuestions = ["cuánto", "cuántos", "cuántas", "cuánta", "cuanto tiempo", "a qué hora", "qué distancia", "velocidad", "promedio", "distancia"],
        CountingQuestions =
        [
            "cuántas formas", "cuántas maneras", "de cuántas", "cuántos caminos", "cuántas combinaciones",
            "cuántas permutaciones", "cuántos modos", "cuántos subconjuntos",
        ],
        MathTerms =
        [
            "número primo", "números primos", "teorema", "lema|", "inducción", "entero|", "enteros|", "número entero",
            "números enteros", "divisible por", "irracional", "número racional", "polinomio", "derivada", "?integral",
            "ecuación", "ecuaciones", "inecuación", "desigualdad", "factorial de", "permutaciones", "combinaciones",
            "combinatoria|", "palomar", "contradicción", "infinitos", "?numerable", "biyección", "mcd|", "mcm|", "logaritmo",
            "raíz cuadrada", "serie geométrica", "progresión geométrica", "progresión aritmética", "autovalor", "valor propio",
            "determinante", "axioma|", "triángulo", "ángulo", "recurrencia", "sucesión", "paridad", "impar|", "impares|",
            "números pares", "número par", "es par", "?binomial", "límite de",
        ],
        ProbabilityTerms =
        [
            "probabilidad", "valor esperado", "esperanza matemática", "dado justo", "dados|", "lanzar un dado", 
            "moneda al aire", "lanzar una moneda", "baraja", "al azar", "aleatoriamente", "varianza", "desviación estándar",
            "desviación típica",
        ],
        ComplexityTerms =
        [
            "complejidad temporal", "complejidad espacial", "complejidad computacional", "complejidad del algoritmo",
            "complejidad algorítmica", "complejidad en tiempo", "complejidad en el peor", "notación o", "notación big o",
            "asintótic", "amortizad", "np completo", "np difícil",
            "peor caso", "caso peor", "en el peor", "caso promedio", "caso medio",
        ],
        LogicPuzzles =
        [
            "acertijo", "adivinanza", "rompecabezas", "?enigma", "siempre miente", "siempre dice la verdad", "mentiroso",
            "caballeros y escuderos", "silogismo", "se sigue lógicamente", "problema de lógica", "puzle lógico",
        ],
        ReasoningAsks = ["razona", "razonamiento", "paso a paso", "justifica|", "justifique|", "explica tu razonamiento"],
        CodeVerbs =
        [
            "escribe", "escriba", "escribir", "escríbeme", "escribirme", "crea|", "créame|", "crear|", "?genera|",
            "genérame", "generar|", "construye", "construir", "desarrolla", "programa|", "?dame|", "muéstrame", "convierte",
            "convertir", "reescribe", "añade", "agrega", "optimiza|", "optimizar|", "optimice|", "haz|", "hazme", "haga|",
            "necesito", "quiero|", "me hace falta",
        ],
        ImplementVerbs = ["implementa|", "implementar|", "implemente|", "impleméntalo", "implementación", "programar|"],
        FixVerbs = ["corrige", "corregir", "corrija", "arregla", "arreglar", "arregle", "repara|", "soluciona", "solucionar", "mejora|"],
        CodeOnlyVerbs = ["depura", "depurar", "depure", "refactoriza|", "refactorizar|", "refactorice|"],
        CodeNouns =
        [
            "función", "funciones", "método", "métodos", "clase|", "clases|", "?script", "consulta|", "consultas|", "expresión regular",
            "expresiones regulares", "?regex", "programa|", "programas|", "algoritmo", "código", "componente", "?módulo",
            "biblioteca", "librería", "prueba unitaria", "pruebas unitarias", "test unitario", "tests unitarios", "bucle",
            "estructura de datos", "comando", "línea de comandos", "decorador", "?api|", "?endpoint", "aplicación", "?app|",
            "?query", "patrón singleton", "patrón de diseño", "hilo seguro",
            "montículo", "árbol binario", "árbol de búsqueda", "tabla hash", "lista enlazada", "cola de prioridad", "grafo|", "grafos|",
            "pila|", "?cola|", "?caché", "servidor", "búsqueda binaria", "árbol|",
        ],
        BugNouns = ["?bug|", "?bugs|", "?error|", "errores|", "excepción", "fallo|", "mensaje de error", "traza"],
        TextNouns =
        [
            "frase|", "oración", "texto", "correo", "carta|", "párrafo", "redacción", "ortografía", "gramática", "traducción",
            "mensaje", "artículo", "poema", "cuento", "ensayo", "?currículum",
        ],
        ProblemReports =
        [
            "no funciona", "no compila", "no arranca", "no carga", "no anda", "falla|", "fallan|", "se cuelga", "se bloquea",
            "se cae", "lanza una excepción", "lanza un error", "da error", "tira error", "devuelve null", "fuga de memoria",
            "condición de carrera",
        ],
        HowWords =
        [
            "cómo puedo", "cómo hago", "cómo se", "cómo hacer", "cómo configur", "cómo instal", "cómo crear", "cómo uso",
            "cómo usar", "cómo utiliz", "cómo implement", "cómo conecto", "cómo conectar", "cómo cambio", "cómo cambiar",
            "cómo ejecut", "cómo arregl", "cómo leer", "cómo escribir", "cómo agrego", "cómo añadir", "cómo obtener",
            "cómo|", "!como un|", "!como una|", "!como el|", "!como la|", "!como los|", "!como las|", "!como si|", "!tal como", "!asi como", "!como ya", "!como por",
        ],
        Lookups =
        [
            "?traduce", "traducir", "tradúceme|", "cómo se dice", "qué significa", "significado de", "sinónimo", "antónimo",
            "en inglés", "al inglés", "al español",
        ],
        DesignVerbs = ["diseña|", "diseñar|", "diseñe|", "diseño", "planifica", "esboza", "estructura|", "estructurar", "modela", "proyecta"],
        SystemNouns =
        [
            "sistema", "arquitectura", "plataforma", "infraestructura", "?backend", "servicio", "microservicio",
            "esquema de base de datos", "modelo de datos", "aplicación",
        ],
        ArchitectureTerms =
        [
            "arquitectura", "escalabilidad", "escalable", "escalar|", "alta disponibilidad", "tolerancia a fallos",
            "sistemas distribuidos", "sistema distribuido", "balanceo de carga", "balanceador", "replicación",
            "particionamiento", "microservicios", "monolito", "monolítico", "consistencia eventual", "orientado a eventos",
            "colas de mensajes", "cola de mensajes", "multirregión", "multiinquilino", "recuperación ante desastres", "latencia",
            "concurrencia", "picos de carga", "rendimiento bajo carga",
        ],
        AllWords = ["?todo|", "toda|", "completo|", "completa|", "entero|", "entera|"],
        EachWords = ["?todos|", "todas|", "cada|", "varios|", "varias|", "decenas", "docenas", "cientos de", "entre|"],
        CodebaseNouns = ["repositorio", "código base", "base de código", "proyecto", "?monorepo", "código fuente", "?codebase", "aplicación", "sistema|", "?app|"],
        StructureNouns = ["estructura", "visión general", "?panorama"],
        PartsNouns = ["servicios", "módulos", "paquetes", "componentes", "microservicios", "equipos", "repositorios", "capas", "archivos", "ficheros"],
        ImageReferences = ["captura de pantalla", "captura|", "pantallazo", "?screenshot", "en la imagen", "en la foto", "de la imagen"],
        ImageNouns = ["imagen", "imágenes", "foto|", "fotos|", "fotografía"],
        DiagramNouns = ["diagrama", "gráfico", "gráfica", "boceto", "dibujo", "pizarra", "diapositiva", "maqueta"],
        Deictics = ["esta|", "este|", "esa|", "ese|", "adjunta", "adjunto", "siguiente", "subida", "?anterior", "estos|", "estas|", "esos|", "esas|", "de esta", "en esta", "en este"],
        PuzzleHints =
        [
            "reloj de arena", "relojes de arena", "balanza", "pesada|", "pesadas|", "prisioneros", "sombrero", "sombreros", "cubo de", "jarra", "jarras", "moneda falsa", "monedas|", "quién hace qué", "exactamente", "cruzar el río",
            "quién vive dónde", "quién vive", "quién es quién",
        ],
        ComplexityNouns =
        [
            "complejidad",
        ],
        MigrationWords =
        [
            "migrar", "migración", "pasar de", "mover a", "trasladar", "portar|", "dividir en", "separar en",
        ],
        PlanNouns =
        [
            "?plan|", "pasos|", "estrategia", "etapas", "fases|", "riesgos", "orden de", "hitos", "cronograma",
        ],
        Roadmaps =
        [
            "hoja de ruta", "?roadmap", "plan de migración",
        ],
        ChooseWords =
        [
            "elegir entre", "decidir", "ventajas y desventajas", "pros y contras", "compara|", "comparar|", "qué enfoque", "cuál es mejor", "qué opción",
        ],
        WhyWords =
        [
            "por qué", "porqué|",
        ],
        StructureVerbs =
        [
            "?organiz", "estructur", "?divid", "separar|", "separarías", "partir|",
        ],
        FalseFriends =
        [
            "cargo",
        ],
    };
}
