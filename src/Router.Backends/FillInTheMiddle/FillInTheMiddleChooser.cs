using Router.Core.Configuration;
using Router.Core.FillInTheMiddle;

namespace Router.Backends.FillInTheMiddle;

/// <summary>Picks an OpenAI-compatible endpoint's fill-in-the-middle mode for a model: router.yaml first, then what the
/// server says of itself, then <c>suffix</c> until the server rejects it.</summary>
public static class FillInTheMiddleChooser
{
    public static FillInTheMiddleChoice Choose(FillInTheMiddleMode? configured, ServerIdentity? identity, string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (configured is { } mode)
        {
            return new FillInTheMiddleChoice(mode, "set in router.yaml");
        }

        if (identity is null)
        {
            return new FillInTheMiddleChoice(FillInTheMiddleMode.Suffix, "server not recognised: suffix until it is rejected");
        }

        return identity.Mode == FillInTheMiddleMode.Template && FillInTheMiddleTemplates.ForModel(model) is null
            ? new FillInTheMiddleChoice(FillInTheMiddleMode.None, $"{identity.Server} takes no suffix ({identity.Evidence}) and no FIM template is known for {model}")
            : new FillInTheMiddleChoice(identity.Mode, $"{identity.Server} ({identity.Evidence})");
    }

    /// <summary>The mode after the server refused <c>suffix</c>: the family's template, or the prefix alone when none is known.</summary>
    public static FillInTheMiddleChoice AfterRejection(string model, string refusal) =>
        FillInTheMiddleTemplates.ForModel(model) is not null
            ? new FillInTheMiddleChoice(FillInTheMiddleMode.Template, $"the server rejected suffix ({refusal})")
            : new FillInTheMiddleChoice(FillInTheMiddleMode.None, $"the server rejected suffix ({refusal}) and no FIM template is known for {model}");
}
