using Router.Core.Policy;
using Router.Core.Signals;
using Router.Core.Tests.Configuration;
using static Router.Core.Tests.Policy.Requests;

namespace Router.Core.Tests.Signals.Languages;

/// <summary>Signals that belong to no language (math notation, tracebacks, code, identifiers, technology names) fire
/// inside text of any language, also where Chinese, Japanese or Korean letters touch them; and the reasons of a
/// decision name the language an ask was recognised in.</summary>
public sealed class LanguageNeutralSignalTests
{
    private static readonly RoutePolicy Eval = new(ConfigYaml.LoadGood(ConfigYaml.Eval));

    [Theory]
    [InlineData("Her doğal sayı n için n² + n çift midir?", "math expression")]
    [InlineData("证明2^n>n对所有正整数成立。", "math expression")]
    [InlineData("Gilt n^2 ≤ 2^n für alle n ≥ 4?", "math expression")]
    [InlineData("3+4=7이 맞나요?", "math expression")]
    [InlineData("Pourquoi cette erreur ?\n\nTraceback (most recent call last):\n  File \"app.py\", line 3, in <module>\n    main()\nZeroDivisionError: division by zero", "stack trace")]
    [InlineData("ZeroDivisionError가 발생했어요.", "error message")]
    [InlineData("为什么报TypeError错？", "error message")]
    [InlineData("为什么userId和order_id字段是空的？", "identifiers")]
    [InlineData("用Java实现一个栈。", "technology named")]
    [InlineData("このコードを見てください。\n```python\nprint(1)\n```", "code block")]
    public void Language_neutral_signals_fire_inside_other_languages(string text, string signal)
    {
        ContentAnalysis analysis = LanguageAsks.Analyze(text);

        Assert.Contains(analysis.Signals, s => s.Name == signal);
    }

    [Theory]
    [InlineData("Pourquoi cette erreur ?\n\nTraceback (most recent call last):\n  File \"app.py\", line 3, in <module>\n    main()\nZeroDivisionError: division by zero", SignalClass.Code)]
    [InlineData("Warum bekomme ich hier eine NullPointerException?\n\n    String s = null;\n    s.length();", SignalClass.Code)]
    [InlineData("Her doğal sayı n için n² + n sayısının çift olduğunu göster.", SignalClass.Reasoning)]
    public void A_traceback_or_notation_decides_whatever_the_language(string text, SignalClass expected)
    {
        Assert.Equal(expected, LanguageAsks.Analyze(text).Winner);
    }

    [Theory]
    [InlineData("Beweise, dass es unendlich viele Primzahlen gibt.", "reasoning signal: proof request (de)")]
    [InlineData("用Go写一个函数，统计文件的行数。", "code signal: asks for code (zh)")]
    [InlineData("Спроектируй архитектуру сервиса онлайн-кинотеатра.", "wide-scope signal: system design (ru)")]
    [InlineData("이 스크린샷에서 무엇이 잘못되었나요?", "image signal: refers to an image (ko)")]
    public void Reasons_name_the_signal_and_the_language(string text, string reason)
    {
        RouteDecision decision = Eval.Decide(Chat(text));

        Assert.Contains(decision.Reasons, r => r.StartsWith(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Baue das auf eine ereignisgesteuerte Architektur um.\n\nclass Bestellung:\n    pass")]
    [InlineData("Divide este monolito en microservicios para pedidos y pagos.\n\nclass Pedido:\n    pass")]
    [InlineData("把这个模块改造成事件驱动架构。\n\nclass Order:\n    pass")]
    public void Architecture_level_refactors_are_recognised_in_other_languages(string text)
    {
        ContentSignal? change = ContentSignalDetector.FindArchitectureChange(text);

        Assert.NotNull(change);
        Assert.StartsWith("architecture-level change (", change.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Write a Python function that removes duplicates from a list, and add a unit test for the edge cases.")]
    [InlineData("Design the system for our project plan: the code, the test suite and the deployment pipeline.")]
    [InlineData("TODO: fix the error message in the module that parses the JSON config.")]
    [InlineData("Translate this customer email into English: \"Hola, me cobraron dos veces, ¿pueden devolverme el dinero?\"")]
    [InlineData("Is the lemma in the paper wrong? The integral diverges for n = 2.")]
    public void English_text_gets_no_signal_of_another_language(string text)
    {
        ContentAnalysis analysis = LanguageAsks.Analyze(text);

        Assert.DoesNotContain(analysis.Signals, s => s.Name.EndsWith(')') && s.Name[^4] == '(' && char.IsAsciiLetterLower(s.Name[^3]));
    }
}
