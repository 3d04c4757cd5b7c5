using Router.Core.Requests;
using static Router.Quality.Tests.Answers;

namespace Router.Quality.Tests;

public sealed class AnswerQualityTests
{
    private const string LongExplanation =
        "This method opens the connection lazily and caches it in a field, so later calls reuse the same socket. "
        + "Note that you cannot call this twice after disposing the client: the second call throws ObjectDisposedException "
        + "because the handle is already released. The lock around the check keeps two threads from opening two sockets.";

    private static readonly string FortyLines = CSharpOfLines(40);

    public static TheoryData<string, AnswerCheck> Empty => new()
    {
        { "nothing", Chat("hi", "") },
        { "only whitespace", Explain("x++;", "  \n\t \n") },
        { "an empty completion", Completion("") },
    };

    [Theory]
    [MemberData(nameof(Empty))]
    public void Empty_answer_is_weak(string because, AnswerCheck check)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(check);

        Assert.True(verdict.IsWeak, because);
        Assert.Equal("empty answer", verdict.Reason);
    }

    [Theory]
    [InlineData("length")]
    [InlineData("max_tokens")]
    [InlineData("MAX_TOKENS")]
    public void Answer_cut_off_by_the_token_limit_is_weak(string doneReason)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(Chat("Explain monads.", "A monad is a way to chain computations that", doneReason: doneReason));

        Assert.True(verdict.IsWeak);
        Assert.Equal("cut off by the token limit", verdict.Reason);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("end_turn")]
    [InlineData("stop_sequence")]
    [InlineData(null)]
    public void Answer_that_ended_on_its_own_is_sound(string? doneReason)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(Chat("What is the capital of Australia?", "Canberra.", doneReason: doneReason));

        Assert.Equal(AnswerVerdict.Sound, verdict);
    }

    [Theory]
    [InlineData("I can't help with that.")]
    [InlineData("I cannot assist with this request.")]
    [InlineData("I'm sorry, but I cannot help with refactoring this code.")]
    [InlineData("I\u2019m sorry, but I can\u2019t provide that.")]
    [InlineData("Sorry, I won't be able to do that.")]
    [InlineData("Unfortunately, I am unable to complete this request as it stands.")]
    [InlineData("I apologize, but I'm not able to help with that.")]
    [InlineData("As an AI language model, I do not have the ability to run your code, but in general loops like this are slow.")]
    [InlineData("**I must decline** this request.")]
    public void Refusal_is_weak(string answer)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(Chat("Make this function faster.", answer));

        Assert.True(verdict.IsWeak, answer);
        Assert.StartsWith("refusal: ", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LongExplanation)]
    [InlineData("Unfortunately, the method cannot be inlined because it is virtual, so the JIT keeps the call and the allocation stays.")]
    [InlineData("I can't see anything wrong with the loop: it terminates because i grows by one on every pass and n never changes.")]
    [InlineData("Sorry for the confusion earlier. Here is the corrected function, which now handles the empty list before dividing.")]
    [InlineData("The compiler cannot infer the type here. I cannot stress enough how much an explicit annotation helps readers too.")]
    public void Answer_that_merely_mentions_cannot_is_not_a_refusal(string answer)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(Chat("Why does this throw?", answer));

        Assert.False(verdict.IsWeak, verdict.Reason);
    }

    [Fact]
    public void Refusal_further_down_than_the_opening_does_not_count()
    {
        string answer = LongExplanation + "\n\nI'm sorry, but I cannot run the code myself to confirm the timing.";

        Assert.False(AnswerQuality.Judge(Explain(FortyLines, answer)).IsWeak);
    }

    public static TheoryData<string, AnswerCheck> TooShort => new()
    {
        { "five words about forty lines", Explain(FortyLines, "It adds up the values.") },
        { "a refactor of forty lines answered in a sentence", Refactor(FortyLines, "Use LINQ Sum instead.") },
        { "a refactor that keeps one line of forty", Refactor(FortyLines, "```csharp\nreturn values.Sum();\n```") },
        { "a pasted thirty-line log answered with a word", Chat(string.Concat(Enumerable.Range(1, 30).Select(i => $"ERROR job {i} failed: timeout after 30s\n")), "Weird.") },
    };

    [Theory]
    [MemberData(nameof(TooShort))]
    public void Answer_far_shorter_than_the_task_needs_is_weak(string because, AnswerCheck check)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(check);

        Assert.True(verdict.IsWeak, because);
        Assert.StartsWith("far shorter than the task needs: ", verdict.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<string, AnswerCheck> ShortButEnough => new()
    {
        { "hi answered with a greeting", Chat("hi", "Hello!") },
        { "a factual question answered in a word", Chat("What is the capital of Australia?", "Canberra.") },
        { "one line explained in a phrase", Explain("count++;", "Adds one to count.") },
        { "forty lines summed up in a paragraph", Explain(FortyLines, "Total walks the array and adds each value weighted by its position plus one, minus an offset computed for that index by Offset, then returns the sum. The loop is unrolled by hand, so it only works for arrays of at least forty elements.") },
        { "a small selection refactored to one line", Refactor("int sum = 0;\nforeach (int v in values)\n{\n    sum += v;\n}", "```csharp\nint sum = values.Sum();\n```") },
        { "a completion of one token", Completion("pi") },
    };

    [Theory]
    [MemberData(nameof(ShortButEnough))]
    public void Short_answer_that_fits_its_task_is_sound(string because, AnswerCheck check)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(check);

        Assert.False(verdict.IsWeak, $"{because}: {verdict.Reason}");
    }

    public static TheoryData<string, AnswerCheck> Looping => new()
    {
        { "a sentence looping", Chat("Explain recursion.", "Recursion is when a function calls itself. " + string.Concat(Enumerable.Repeat("The function calls itself again. ", 8))) },
        { "a word stuck", Chat("Explain recursion.", "Recursion is very " + string.Concat(Enumerable.Repeat("very ", 12)) + "useful.") },
        { "a code line looping", Refactor("for i in items:\n    print(i)", "for item in items:\n" + string.Concat(Enumerable.Repeat("    print('processing item', item)\n", 10)), "python") },
        { "a sentence said three times apart", Explain("x = load()", "This line loads the settings from the default file on disk. It returns a dict. This line loads the settings from the default file on disk. It may raise. This line loads the settings from the default file on disk.", "python") },
    };

    [Theory]
    [MemberData(nameof(Looping))]
    public void Repeated_text_is_weak(string because, AnswerCheck check)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(check);

        Assert.True(verdict.IsWeak, because);
        Assert.StartsWith("repeated text: ", verdict.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<string, AnswerCheck> NotLooping => new()
    {
        { "a byte array of zeros", Refactor("byte[] key = new byte[16];", Fenced("csharp", "byte[] key = { " + string.Join(", ", Enumerable.Repeat("0", 32)) + " };")) },
        { "closing braces", Refactor("class A { class B { class C { void M() { } } } }", "namespace N\n{\n    class A\n    {\n        class B\n        {\n            class C\n            {\n                void M()\n                {\n                }\n            }\n        }\n    }\n}") },
        { "similar lines that differ", Refactor("a = 1\nb = 2\nc = 3", "self.alpha = alpha\nself.beta = beta\nself.gamma = gamma\nself.delta = delta\nself.epsilon = epsilon", "python") },
        { "ordinary prose", Chat("Explain this.", LongExplanation) },
    };

    [Theory]
    [MemberData(nameof(NotLooping))]
    public void Text_with_ordinary_repetition_is_sound(string because, AnswerCheck check)
    {
        AnswerVerdict verdict = AnswerQuality.Judge(check);

        Assert.False(verdict.IsWeak, $"{because}: {verdict.Reason}");
    }

    [Fact]
    public void Completion_is_judged_for_emptiness_and_cut_off_but_never_for_syntax()
    {
        Assert.False(AnswerQuality.Judge(Completion("math.pi * (r ** 2")).IsWeak);
        Assert.True(AnswerQuality.Judge(Completion("math.pi * r ** 2", doneReason: "length")).IsWeak);
    }

    [Fact]
    public void Reasoning_before_the_answer_is_not_judged_as_the_answer()
    {
        string thinking = "<think>\nI'm sorry, but I cannot decide yet. Let me think about the loop.\n</think>\n\n";

        Assert.False(AnswerQuality.Judge(Chat("Why does this loop never end?", thinking + "Because i is never incremented inside the loop body.")).IsWeak);
        Assert.Equal("empty answer: only reasoning, no answer after it", AnswerQuality.Judge(Chat("Why?", thinking)).Reason);
        Assert.True(AnswerQuality.Judge(Chat("Why?", "<think>\nLet me see. The loop")).IsWeak);
    }

    [Fact]
    public void Explanation_in_Chinese_counts_its_characters_as_words()
    {
        string answer = "这个方法遍历数组，把每个值乘以它的位置再减去偏移量，最后返回总和。";

        Assert.False(AnswerQuality.Judge(Explain(FortyLines, answer)).IsWeak);
    }

    [Fact]
    public void Checks_run_in_order_so_a_cut_off_refusal_reports_the_cut()
    {
        AnswerVerdict verdict = AnswerQuality.Judge(Chat("Do it.", "I'm sorry, but I can't", doneReason: "length"));

        Assert.Equal("cut off by the token limit", verdict.Reason);
    }
}
