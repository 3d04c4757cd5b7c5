using Router.Core.FillInTheMiddle;

namespace Router.Core.Tests.FillInTheMiddle;

public sealed class FillInTheMiddleTemplateTests
{
    private const string Prefix = "def add(a, b):\n    return ";
    private const string Suffix = "\n\nprint(add(1, 2))\n";

    public static TheoryData<string, string> PromptsByModel => new()
    {
        { "qwen2.5-coder:14b", "<|fim_prefix|>" + Prefix + "<|fim_suffix|>" + Suffix + "<|fim_middle|>" },
        { "Qwen/Qwen2.5-Coder-7B-Instruct", "<|fim_prefix|>" + Prefix + "<|fim_suffix|>" + Suffix + "<|fim_middle|>" },
        { "deepseek-coder-v2:16b", "<｜fim▁begin｜>" + Prefix + "<｜fim▁hole｜>" + Suffix + "<｜fim▁end｜>" },
        { "starcoder2:7b", "<fim_prefix>" + Prefix + "<fim_suffix>" + Suffix + "<fim_middle>" },
        { "codellama:13b-code", "<PRE> " + Prefix + " <SUF>" + Suffix + " <MID>" },
        { "codestral:22b", "[SUFFIX]" + Suffix + "[PREFIX]" + Prefix },
    };

    [Theory]
    [MemberData(nameof(PromptsByModel))]
    public void Each_family_gets_its_own_fill_in_the_middle_prompt(string model, string expected)
    {
        FillInTheMiddleTemplate template = FillInTheMiddleTemplates.ForModel(model)!;

        Assert.Equal(expected, template.Render(Prefix, Suffix));
    }

    [Theory]
    [InlineData("llama3.1:8b")]
    [InlineData("qwen2.5:3b")]
    [InlineData("mistral-nemo")]
    public void A_model_without_a_known_template_gets_none(string model) =>
        Assert.Null(FillInTheMiddleTemplates.ForModel(model));

    [Fact]
    public void Holes_written_in_the_user_code_are_not_filled()
    {
        string prompt = FillInTheMiddleTemplates.QwenCoder.Render("s = '{suffix}'", "x");

        Assert.Equal("<|fim_prefix|>s = '{suffix}'<|fim_suffix|>x<|fim_middle|>", prompt);
    }

    public static TheoryData<string, string> LeakedAnswers => new()
    {
        { "qwen2.5-coder:14b", "a + b<|endoftext|><|fim_prefix|>junk" },
        { "qwen2.5-coder:14b", "a + b<|file_sep|>other.py" },
        { "deepseek-coder:6.7b", "a + b<｜end▁of▁sentence｜>" },
        { "starcoder2:3b", "a + b<file_sep>" },
        { "codellama:7b-code", "a + b <EOT>" },
        { "codestral:22b", "a + b[PREFIX]def" },
    };

    [Theory]
    [MemberData(nameof(LeakedAnswers))]
    public void Special_tokens_and_what_follows_them_never_reach_the_editor(string model, string answer)
    {
        string shown = FillInTheMiddleTemplates.ForModel(model)!.CutAtSpecialToken(answer);

        Assert.Equal("a + b", shown.TrimEnd());
    }

    [Fact]
    public void Every_special_token_of_a_template_stops_generation_and_is_cut()
    {
        foreach (FillInTheMiddleTemplate template in new[] { FillInTheMiddleTemplates.QwenCoder, FillInTheMiddleTemplates.DeepSeekCoder, FillInTheMiddleTemplates.StarCoder, FillInTheMiddleTemplates.CodeLlama, FillInTheMiddleTemplates.Codestral })
        {
            foreach (string token in template.SpecialTokens)
            {
                Assert.Equal("x", template.CutAtSpecialToken("x" + token + "y"));
            }
        }
    }

    [Theory]
    [InlineData("a + b<|endoftext|>junk")]
    [InlineData("a + b<｜fim▁hole｜>")]
    [InlineData("a + b[SUFFIX]x")]
    [InlineData("a + b<fim_middle>")]
    public void Markup_of_any_family_is_cut_even_from_a_model_no_family_matches(string answer)
    {
        Assert.Equal("a + b", FillInTheMiddleTemplates.CutAtAnyFillInTheMiddleToken(answer));
    }

    [Fact]
    public void Html_strikethrough_is_not_taken_for_markup()
    {
        Assert.Equal("<s>old</s> new", FillInTheMiddleTemplates.CutAtAnyFillInTheMiddleToken("<s>old</s> new"));
    }
}
