namespace Router.Core.Signals.Languages;

/// <summary>How Portuguese asks, Brazilian and European: "escreva", "escreve", "crie", "faça", "implemente",
/// with or without accents ("função", "funcao").</summary>
internal static class PortugueseCues
{
    public static LanguageCues Cues { get; } = new("pt")
    {
        Evidence =
        [
            "uma|", "não|", "das|", "para|", "você|", "isso|", "esse|", "essa|", "este|", "esta|", "meu|", "minha|",
            "que|", "mas|", "muito|", "também|", "já|", "pelo|", "pela|", "ao|", "aos|", "seu|", "sua|",
            "como|", "quando|", "onde|", "porque|", "por que|", "obrigado|", "olá|", "preciso|", "quero|", "pode|", "podes|",
            "tenho|", "fazer|", "cada|", "entre|", "sobre|", "numa|", "está|", "estou|", "vocês|",
        ],
        ProofVerbs =
        [
            "demonstre|", "demonstrar|", "demonstra que", "demonstração", "prove que", "provar que", "prova que", "mostre que",
            "mostrar que", "?refute|", "comprove que",
        ],
        DeriveVerbs = ["deduza", "deduzir", "obtenha a fórmula", "derivar|"],
        SolveVerbs = ["resolva|", "?resolver|", "?resolve|", "calcule|", "calcular|", "calcula|", "encontre o valor"],
        ComputeQuestions = ["quanto", "quantos", "quantas", "?quanta|", "que horas", "qual a distância", "quanto tempo", "velocidade", "?média|", "distância"],
        CountingQuestions =
        [
            "quantas maneiras", "quantas formas", "de quantas", "de quantos", "quantos caminhos", "quantas combinações",
            "quantas permutações", "quantos subconjuntos",
        ],
        MathTerms =
        [
            "número primo", "números primos", "teorema", "lema|", "indução", "inteiro positivo", "número inteiro",
            "números inteiros", "inteiros|", "divisível|", "irracional", "número racional", "polinômio", "polinómio", "derivada",
            "?integral", "equação", "equações", "inequação", "desigualdade", "fatorial", "factorial de", "permutações",
            "combinações", "combinatória|", "casa dos pombos", "contradição", "infinitos", "enumerável", "bijeção", "mdc|",
            "mmc|", "logaritmo", "raiz quadrada", "progressão geométrica", "progressão aritmética", "autovalor", "determinante",
            "axioma|", "triângulo", "ângulo", "ângulos", "recorrência", "sequência de", "paridade", "ímpar|", "ímpares|",
            "número par", "é par", "soma dos", "binomial de", "limite de",
        ],
        ProbabilityTerms =
        [
            "probabilidade", "valor esperado", "dado honesto", "lançamento de um dado", "lançar um dado", "lançamento de moeda",
            "lançar uma moeda", "baralho", "ao acaso", "aleatoriamente", "variância", "desvio padrão",
        ],
        ComplexityTerms =
        [
            "complexidade de tempo", "complexidade temporal", "complexidade espacial", "complexidade computacional",
            "complexidade do algoritmo", "complexidade assintótica", "notação o", "notação big o", "assintótic", "amortizad",
            "np completo", "np difícil",
            "pior caso", "caso médio",
        ],
        LogicPuzzles =
        [
            "?enigma", "charada", "quebra cabeça", "quebra cabeças", "sempre mente", "sempre diz a verdade", "mentiroso",
            "silogismo", "desafio lógico", "problema de lógica", "cavaleiros e patifes",
        ],
        ReasoningAsks = ["raciocínio", "passo a passo", "justifique|", "explique seu raciocínio"],
        CodeVerbs =
        [
            "escreva", "escrever", "escreve|", "escreva me", "crie|", "criar|", "cria|", "gere|", "gerar|", "gera|", "construa|",
            "construir", "desenvolva", "programe|", "me dê|", "me dá", "mostre", "converta", "?converter|", "reescreva", "adicione",
            "otimize|", "otimizar|", "faça|", "faz|", "monte|",
            "preciso de", "preciso|", "quero|",
            "gero|",
        ],
        ImplementVerbs = ["implemente|", "implementar|", "implementa|", "implementação", "programar|"],
        FixVerbs = ["corrija", "corrigir", "corrige|", "conserte", "consertar", "arrume", "arrumar", "resolva o", "melhore"],
        CodeOnlyVerbs = ["depure", "depurar", "debugue", "debugar", "refatore", "refatorar", "refatoração"],
        CodeNouns =
        [
            "função", "funções", "método", "métodos", "classe|", "?classes|", "?script", "consulta|", "consultas|",
            "expressão regular", "expressões regulares", "?regex", "programa|", "programas|", "algoritmo", "código",
            "componente", "?módulo", "biblioteca", "teste unitário", "testes unitários", "testes de unidade", "laço|",
            "estrutura de dados", "comando", "linha de comando", "decorador", "aplicativo", "?endpoint", "?api|", "?query",
            "padrão singleton", "padrão de projeto",
            "?heap|", "árvore binária", "árvore de busca", "tabela hash", "lista ligada", "lista encadeada", "fila de prioridade", "grafo|", "grafos|",
            "pilha|", "fila|", "servidor", "busca binária", "árvore|",
        ],
        BugNouns = ["?bug|", "?bugs|", "erro|", "erros|", "exceção", "falha|", "mensagem de erro"],
        TextNouns =
        [
            "frase|", "texto", "e mail", "carta|", "parágrafo", "redação", "ortografia", "gramática", "tradução", "mensagem",
            "artigo", "poema", "redação", "currículo",
        ],
        ProblemReports =
        [
            "não funciona", "não compila", "não roda", "não carrega", "não abre", "não inicia", "trava|", "travando", "dá erro",
            "deu erro", "lança uma exceção", "lança exceção", "retorna null", "vazamento de memória", "condição de corrida",
        ],
        HowWords =
        [
            "como faço", "como posso", "como fazer", "como criar", "como configur", "como instal", "como usar", "como uso",
            "como utiliz", "como implement", "como conectar", "como mudar", "como alterar", "como ler", "como escrever",
            "como adicionar", "como obter", "como rodar", "como executar",
            "como|", "!como um|", "!como uma|", "!como o|", "!como a|", "!como os|", "!como as|", "!assim como", "!tal como",
        ],
        Lookups =
        [
            "traduza", "traduzir", "tradução de", "como se diz", "o que significa", "significado de", "sinônimo", "sinónimo",
            "antônimo", "em inglês", "para o inglês", "para inglês",
        ],
        DesignVerbs = ["projete", "projetar", "desenhe", "desenhar", "planeje", "planejar", "arquitete", "esboce", "estruture", "modele|", "conceba", "desenha|", "projeta|", "redesenha", "redesenhe"],
        SystemNouns =
        [
            "sistema", "arquitetura", "plataforma", "infraestrutura", "?backend", "serviço", "microsserviço", "microserviço",
            "esquema do banco", "modelo de dados", "aplicação",
        ],
        ArchitectureTerms =
        [
            "arquitetura", "escalabilidade", "escalável", "escalar|", "alta disponibilidade", "tolerância a falhas",
            "sistemas distribuídos", "sistema distribuído", "balanceamento de carga", "replicação", "particionamento",
            "microsserviços", "microserviços", "monolito", "monolítico", "consistência eventual", "orientado a eventos",
            "fila de mensagens", "filas de mensagens", "recuperação de desastres", "latência", "concorrência", "picos de acesso",
            "multi região", "multi inquilino",
        ],
        AllWords = ["?todo|", "toda|", "inteiro|", "inteira|", "completo|"],
        EachWords = ["?todos|", "todas|", "cada|", "vários|", "várias|", "dezenas", "centenas de", "entre|"],
        CodebaseNouns = ["repositório", "base de código", "código fonte", "projeto", "?monorepo", "?codebase", "aplicação", "aplicativo", "sistema|", "?app|"],
        StructureNouns = ["estrutura", "visão geral", "?panorama"],
        PartsNouns = ["serviços", "módulos", "pacotes", "componentes", "microsserviços", "equipes", "repositórios", "camadas", "arquivos", "ficheiros"],
        ImageReferences = ["captura de tela", "print da tela", "?screenshot", "na imagem", "na foto", "da imagem"],
        ImageNouns = ["imagem", "imagens", "foto|", "fotos|", "fotografia"],
        DiagramNouns = ["diagrama", "gráfico", "esboço", "desenho", "quadro branco", "?slide|"],
        Deictics = ["esta|", "este|", "essa|", "esse|", "nesta|", "nessa|", "anexa|", "anexo|", "anexada", "acima|", "seguinte", "estes|", "estas|", "esses|", "essas|", "desta|", "deste|", "dessa|", "desse|", "neste|"],
        PuzzleHints =
        [
            "ampulheta", "ampulhetas", "balança", "pesagem", "pesagens", "prisioneiros", "chapéu", "chapéus", "balde|", "baldes|", "moeda falsa", "moedas|", "quem faz o quê", "exatamente", "atravessar o rio",
            "quem mora onde", "quem mora", "quem é quem",
        ],
        ComplexityNouns =
        [
            "complexidade",
        ],
        MigrationWords =
        [
            "migrar", "migração", "passar de", "mover para", "quebrar", "separar em", "dividir em",
        ],
        PlanNouns =
        [
            "plano|", "passos|", "estratégia", "etapas", "fases|", "riscos", "ordem de", "?marcos|", "cronograma", "fronteiras",
        ],
        Roadmaps =
        [
            "roteiro", "?roadmap", "plano de migração",
        ],
        ChooseWords =
        [
            "escolher entre", "decidir", "vantagens e desvantagens", "prós e contras", "?compare|", "comparar|", "qual abordagem", "qual é melhor", "qual opção",
        ],
        WhyWords =
        [
            "por que|", "por quê",
        ],
        StructureVerbs =
        [
            "?organiz", "estrutur", "?divid", "separar|", "quebrar|", "quebraria",
        ],
        FalseFriends =
        [
            "lua", "cargo",
        ],
    };
}
