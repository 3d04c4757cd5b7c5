using System.Collections.Concurrent;
using System.Globalization;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;

namespace Router.Lsp.Progress;

/// <summary>Work-done progress for explain and ask answers: uses the client's <c>workDoneToken</c>, or creates a token when the
/// client supports <c>window/workDoneProgress</c> but gave none, and cancels the answer on <c>window/workDoneProgress/cancel</c>.</summary>
internal sealed class AnswerProgress(JsonRpcConnection client)
{
    private readonly ConcurrentDictionary<ProgressToken, AnswerProgressRun> _running = new();
    private long _created;

    /// <summary>Set at initialize from the client's <c>window.workDoneProgress</c> capability.</summary>
    public bool ClientCreatesTokens { get; set; }

    /// <summary>Starts progress for one answer; null when the client gave no token and cannot take one.</summary>
    /// <param name="verb">The title's first word: "Explaining", "Asking".</param>
    public async Task<AnswerProgressRun?> StartAsync(ProgressToken? given, string verb, CancellationToken cancellationToken)
    {
        ProgressToken token;
        if (given is { } passed)
        {
            token = passed;
        }
        else if (ClientCreatesTokens)
        {
            token = "router-answer-" + Interlocked.Increment(ref _created).ToString(CultureInfo.InvariantCulture);
            try
            {
                await client.CreateWorkDoneProgressAsync(token, cancellationToken);
            }
            catch (Exception e) when (e is JsonRpcException or IOException)
            {
                // The client refused the token, or is going: the answer goes on without progress.
                return null;
            }
        }
        else
        {
            return null;
        }

        AnswerProgressRun run = new(client, token, verb, ended => _running.TryRemove(new KeyValuePair<ProgressToken, AnswerProgressRun>(ended.Token, ended)), cancellationToken);
        _running[token] = run;
        return run;
    }

    /// <summary><c>window/workDoneProgress/cancel</c>: the user cancelled the answer in the editor's progress UI.</summary>
    public ValueTask CancelAsync(WorkDoneProgressCancelParams cancel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        if (_running.TryGetValue(cancel.Token, out AnswerProgressRun? run))
        {
            run.Cancel();
        }

        return ValueTask.CompletedTask;
    }
}
