using Router.Core.Signals;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Asks written in Portuguese, as users write them: each reaches its tier, and the reasons say "(pt)".</summary>
public sealed class PortugueseAskTests
{
    public static TheoryData<string> ReasoningAsks => new()
    {
        "Prove que existem infinitos números primos.",
        "Demonstre que a soma de dois números pares é sempre par.",
        "Qual é a probabilidade de tirar duas caras seguidas lançando uma moeda?",
        "Calcule quanto tempo um carro leva para percorrer 240 km a 80 km/h.",
        "Qual é a complexidade de tempo do quicksort no pior caso?",
        "Três amigos, Ana, Bia e Caio, moram em cidades diferentes. Quem mora onde? Explique seu raciocínio.",
        "Se uma torneira enche um tanque em 4 horas e outra em 6, quanto tempo levam juntas?",
    };

    public static TheoryData<string> CodeAsks => new()
    {
        "Escreva uma função em Python que conte as vogais de uma string.",
        "Conserte esse código, ele lança uma exceção de ponteiro nulo.",
        "Implemente uma fila de prioridade em Go.",
        "Como faço para ler um arquivo JSON em Node.js?",
        "Crie um script em Bash que faça backup de uma pasta todo dia.",
        "Refatore este método para ficar mais legível.",
        "Você poderia escrever uma função em Java que converta Celsius para Fahrenheit?",
    };

    public static TheoryData<string> WideScopeAsks => new()
    {
        "Projete a arquitetura de um sistema de pagamentos com alta disponibilidade e tolerância a falhas.",
        "Explique a estrutura de todo o repositório e a responsabilidade de cada serviço.",
        "Queremos migrar do Oracle para o PostgreSQL sem parar o sistema. Monte um plano de migração com etapas e riscos.",
        "Quais são os prós e contras de uma arquitetura orientada a eventos para o nosso e-commerce?",
        "Como você estruturaria um sistema distribuído de pedidos com milhões de acessos por dia?",
    };

    public static TheoryData<string> ImageAsks => new()
    {
        "O que aparece nesta captura de tela?",
        "Descreva a imagem anexada.",
        "Você consegue ler o texto desta foto?",
    };

    public static TheoryData<string> QuickAsks => new()
    {
        "Qual é a diferença entre \"mas\" e \"mais\"?",
        "Como se diz \"obrigado\" em japonês?",
        "O que significa \"saudade\"?",
        "Me dá um sinônimo de \"bonito\".",
        "Bom dia! Tudo bem?",
        "Escreva uma mensagem de aniversário para minha mãe.",
        "O que é computação em nuvem?",
        "Me indica um livro bom para as férias?",
    };

    [Theory]
    [MemberData(nameof(ReasoningAsks))]
    public void Reasoning_asks_reach_reasoning(string ask) => LanguageAsks.Reaches(ask, SignalClass.Reasoning, "pt");

    [Theory]
    [MemberData(nameof(CodeAsks))]
    public void Code_asks_reach_code(string ask) => LanguageAsks.Reaches(ask, SignalClass.Code, "pt");

    [Theory]
    [MemberData(nameof(WideScopeAsks))]
    public void WideScope_asks_reach_heavy(string ask) => LanguageAsks.Reaches(ask, SignalClass.Wide, "pt");

    [Theory]
    [MemberData(nameof(ImageAsks))]
    public void Image_asks_reach_vision(string ask) => LanguageAsks.Reaches(ask, SignalClass.Image, "pt");

    [Theory]
    [MemberData(nameof(QuickAsks))]
    public void Quick_asks_stay_quick(string ask) => LanguageAsks.StaysQuick(ask);
}
