namespace Router.Backends.Providers;

/// <summary>Where an endpoint's key comes from: the name of an environment variable (never the key in a message) and its value.</summary>
/// <param name="VariableName">The variable named in the configuration; null for a local server that needs no key.</param>
/// <param name="Key">The value read from it; null when the variable is unset or empty.</param>
public sealed record ApiKeySource(string? VariableName, string? Key)
{
    /// <summary>No key needed (a local server).</summary>
    public static ApiKeySource None { get; } = new(null, null);

    /// <summary>Reads <paramref name="variableName"/> through <paramref name="readVariable"/>; a blank value counts as unset.</summary>
    public static ApiKeySource Read(string? variableName, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(readVariable);
        if (string.IsNullOrWhiteSpace(variableName))
        {
            return None;
        }

        var key = readVariable(variableName);
        return new ApiKeySource(variableName, string.IsNullOrWhiteSpace(key) ? null : key.Trim());
    }

    /// <summary>A variable is configured but holds nothing.</summary>
    public bool IsMissing => VariableName is not null && Key is null;

    /// <summary>What to tell the user when the host refused the key (or wanted one) with <paramref name="status"/> (401, 403).</summary>
    public string RejectedMessage(int status) => VariableName is { } variable
        ? $"the host rejected the key from the environment variable {variable} ({status})"
        : $"the host requires a key ({status}); name its environment variable in the endpoint's api_key_env";

    /// <summary>Redacted so a log line or a debugger view never shows the key.</summary>
    public override string ToString() => VariableName is null ? "no key" : $"key from ${VariableName}" + (Key is null ? " (unset)" : "");
}
