using System.Text.Json;
using Router.Emulator.Wire;

namespace Router.Emulator;

/// <summary>Reads the emulator's JSON profile file (format: profiles/default.json) into options.</summary>
public static class EmulatorProfileFile
{
    public static async Task<EmulatorOptions> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, path);
    }

    /// <summary>Parses profile JSON; <paramref name="source"/> names the file in error messages.</summary>
    public static EmulatorOptions Parse(string json, string source)
    {
        ProfileFileBody? body;
        try
        {
            body = JsonSerializer.Deserialize(json, ProfileJsonContext.Default.ProfileFileBody);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: {e.Message}", e);
        }

        if (body is null)
        {
            throw new FormatException($"{source}: the file is empty.");
        }

        var defaults = new EmulatorOptions();
        TimeSpan keepAlive = defaults.DefaultKeepAlive;
        if (body.KeepAlive is not null && !KeepAliveParser.TryParseDuration(body.KeepAlive, out keepAlive))
        {
            throw new FormatException($"{source}: keepAlive \"{body.KeepAlive}\" is not a duration such as \"5m\", \"30s\" or \"-1\".");
        }

        var flavour = EmulatorFlavour.Ollama;
        if (body.Flavour is not null && !EmulatorFlavourNames.TryParse(body.Flavour, out flavour))
        {
            throw new FormatException($"{source}: flavour \"{body.Flavour}\" is not one of {string.Join(", ", EmulatorFlavourNames.All)}.");
        }

        var models = body.Models is null ? defaults.Models : body.Models.Select((m, i) => ToProfile(m, i, source)).ToList();
        var options = defaults with
        {
            Models = models,
            VramBudgetBytes = body.VramBudgetGB is { } gb ? (long)(gb * 1e9) : defaults.VramBudgetBytes,
            MaxLoadedModels = body.MaxLoadedModels ?? defaults.MaxLoadedModels,
            NumParallel = body.NumParallel ?? defaults.NumParallel,
            DefaultKeepAlive = keepAlive,
            TimeScale = body.TimeScale ?? defaults.TimeScale,
            Flavour = flavour,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{source}: {e.Message}", e);
        }

        return options;
    }

    private static ModelProfile ToProfile(ProfileModelBody body, int index, string source)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            throw new FormatException($"{source}: models[{index}] has no name.");
        }

        var defaults = new ModelProfile { Name = body.Name };
        return defaults with
        {
            Family = body.Family ?? defaults.Family,
            ParameterSize = body.ParameterSize ?? defaults.ParameterSize,
            QuantizationLevel = body.QuantizationLevel ?? defaults.QuantizationLevel,
            SizeBytes = body.SizeGB is { } size ? (long)(size * 1e9) : defaults.SizeBytes,
            VramBytes = body.VramGB is { } vram ? (long)(vram * 1e9) : defaults.VramBytes,
            ContextLength = body.ContextLength ?? defaults.ContextLength,
            Capabilities = body.Capabilities ?? defaults.Capabilities,
            TimeToFirstToken = body.TimeToFirstTokenMs is { } ttft ? TimeSpan.FromMilliseconds(ttft) : defaults.TimeToFirstToken,
            TokensPerSecond = body.TokensPerSecond ?? defaults.TokensPerSecond,
            ColdLoad = body.ColdLoadMs is { } load ? TimeSpan.FromMilliseconds(load) : defaults.ColdLoad,
        };
    }
}
