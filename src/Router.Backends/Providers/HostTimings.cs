using Microsoft.Extensions.AI;

namespace Router.Backends.Providers;

/// <summary>The durations a host reported for an answer, read from a chat update's <c>AdditionalProperties</c> under the names
/// of Ollama's API ("total_duration", "load_duration", "prompt_eval_duration", "eval_duration"), as OllamaSharp's chat client
/// puts them on its last update.</summary>
internal sealed record HostTimings(TimeSpan Total, TimeSpan Load, TimeSpan PromptEval, TimeSpan Eval)
{
    /// <summary>The timings in <paramref name="properties"/>; null unless the total is there.</summary>
    public static HostTimings? From(AdditionalPropertiesDictionary? properties) =>
        properties is not null && properties.TryGetValue("total_duration", out TimeSpan total)
            ? new HostTimings(total, Read(properties, "load_duration"), Read(properties, "prompt_eval_duration"), Read(properties, "eval_duration"))
            : null;

    private static TimeSpan Read(AdditionalPropertiesDictionary properties, string name) =>
        properties.TryGetValue(name, out TimeSpan value) ? value : TimeSpan.Zero;
}
