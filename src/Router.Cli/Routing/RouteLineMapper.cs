using System.Text.Json;
using Router.Core.Policy;
using Router.Core.Requests;

namespace Router.Cli.Routing;

/// <summary>Turns request lines into <see cref="RouteRequest"/>s and decisions into lines.</summary>
internal static class RouteLineMapper
{
    /// <summary>The request on one JSONL line, or an error line naming what is wrong with it.</summary>
    public static (RouteRequest? Request, RouteErrorLine? Error) Parse(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return (null, new RouteErrorLine(null, $"not valid JSON: {ex.Message}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, new RouteErrorLine(null, "a request must be a JSON object"));
            }

            string? id = document.RootElement.TryGetProperty("id", out JsonElement idElement)
                ? idElement.ValueKind switch
                {
                    JsonValueKind.String => idElement.GetString(),
                    JsonValueKind.Number => idElement.GetRawText(),
                    _ => null,
                }
                : null;
            if (string.IsNullOrEmpty(id))
            {
                return (null, new RouteErrorLine(null, "missing \"id\""));
            }

            if (!document.RootElement.TryGetProperty("kind", out JsonElement kindElement) || kindElement.ValueKind != JsonValueKind.String)
            {
                return (null, new RouteErrorLine(id, "missing \"kind\" (completion, explain, refactor or chat)"));
            }

            if (!RequestKindNames.TryParse(kindElement.GetString(), out RequestKind? kind))
            {
                return (null, new RouteErrorLine(id, $"unknown kind '{kindElement.GetString()}' (completion, explain, refactor or chat)"));
            }

            RouteRequestLine? wire;
            try
            {
                wire = document.RootElement.Deserialize(RouteJsonContext.Default.RouteRequestLine);
            }
            catch (JsonException ex)
            {
                return (null, new RouteErrorLine(id, $"bad field: {ex.Message}"));
            }

            return (ToRequest(id, kind.Value, wire!), null);
        }
    }

    public static RouteRequest ToRequest(string id, RequestKind kind, RouteRequestLine wire) => new(id, kind)
    {
        Language = wire.Language,
        File = wire.File,
        Text = wire.Text,
        Prefix = wire.Prefix,
        Suffix = wire.Suffix,
        Files = wire.Files?.Where(f => !string.IsNullOrEmpty(f)).ToArray() ?? [],
        History = wire.History?.Select(ToTurn).ToArray() ?? [],
    };

    public static RouteDecisionLine ToLine(RouteDecision decision) => new(
        decision.Id,
        decision.Tier.Name(),
        decision.Model,
        decision.Endpoint,
        decision.LocalOnly,
        decision.EstimatedPromptTokens,
        decision.Reasons,
        decision.FallbackChain.Select(s => new FallbackStepLine(s.Tier.Name(), s.Model, s.Endpoint)).ToArray(),
        decision.EscalationPath.Select(t => t.Name()).ToArray());

    private static HistoryTurn ToTurn(HistoryTurnLine turn) => new(
        RequestKindNames.TryParse(turn.Kind, out RequestKind? kind) ? kind.Value : RequestKind.Chat,
        turn.Text,
        TierNames.TryParse(turn.Tier, out Tier? tier) ? tier : null,
        turn.MinutesAgo);
}
