using Microsoft.Extensions.AI;

namespace Router.Backends.Anthropic;

/// <summary>A message's token counts as the stream reports them: each report's counts are totals so far, so a later one
/// replaces an earlier one field by field.</summary>
internal sealed record AnthropicTokenCounts(int? Input, int? Output, int CacheCreation, int CacheRead)
{
    public static AnthropicTokenCounts None { get; } = new(null, null, 0, 0);

    public AnthropicTokenCounts With(AnthropicUsage? reported) => reported is null ? this : new(
        reported.InputTokens ?? Input,
        reported.OutputTokens ?? Output,
        reported.CacheCreationInputTokens ?? CacheCreation,
        reported.CacheReadInputTokens ?? CacheRead);

    /// <summary>The input is the whole prompt the model read: input_tokens leaves out the tokens written to and read from the
    /// prompt cache, which are counted here and also given apart (cached input, and cache_creation_input_tokens).</summary>
    public UsageDetails? ToUsageDetails()
    {
        if (Input is not { } input || Output is not { } output)
        {
            return null;
        }

        long prompt = (long)input + CacheCreation + CacheRead;
        UsageDetails details = new()
        {
            InputTokenCount = prompt,
            OutputTokenCount = output,
            TotalTokenCount = prompt + output,
        };
        if (CacheRead > 0)
        {
            details.CachedInputTokenCount = CacheRead;
        }

        if (CacheCreation > 0)
        {
            details.AdditionalCounts = new AdditionalPropertiesDictionary<long> { ["cache_creation_input_tokens"] = CacheCreation };
        }

        return details;
    }
}
