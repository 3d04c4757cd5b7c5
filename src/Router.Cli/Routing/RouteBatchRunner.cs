using System.Text.Json;
using Router.Core.Policy;

namespace Router.Cli.Routing;

/// <summary>Runs a JSONL batch: one decision (or error) line out per request line in, in order.</summary>
internal sealed class RouteBatchRunner
{
    private readonly RoutePolicy _policy;

    public RouteBatchRunner(RoutePolicy policy)
    {
        _policy = policy;
    }

    /// <summary>Reads every line of <paramref name="input"/>; a bad line gets an error line and the run goes on.</summary>
    public async Task RunAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            await output.WriteLineAsync(DecideLine(line).AsMemory(), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }

    /// <summary>The JSON output line for one JSON input line.</summary>
    public string DecideLine(string line)
    {
        (RouteDecisionLine? decision, RouteErrorLine? error) = Decide(line);
        return decision is not null
            ? JsonSerializer.Serialize(decision, RouteJsonContext.Default.RouteDecisionLine)
            : JsonSerializer.Serialize(error!, RouteJsonContext.Default.RouteErrorLine);
    }

    /// <summary>The decision for one JSON request line, or the error line that takes its place; `router eval` scores these.</summary>
    public (RouteDecisionLine? Decision, RouteErrorLine? Error) Decide(string line)
    {
        (Router.Core.Requests.RouteRequest? request, RouteErrorLine? error) = RouteLineMapper.Parse(line);
        if (request is null)
        {
            return (null, error!);
        }

        try
        {
            return (RouteLineMapper.ToLine(_policy.Decide(request)), null);
        }
        catch (InvalidOperationException ex)
        {
            return (null, new RouteErrorLine(request.Id, ex.Message));
        }
    }
}
