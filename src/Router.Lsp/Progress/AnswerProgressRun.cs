using System.Globalization;
using Router.Core.Redaction;
using Router.Core.Requests;
using Router.Core.Tokens;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime.Dispatch;

namespace Router.Lsp.Progress;

/// <summary>The <c>$/progress</c> of one answer: begin when the first model is asked, short reports as its text streams
/// ("qwen2.5:3b · 48 tokens", fit for a status line; the text itself goes in <c>router/answer</c>), end when it is over.</summary>
internal sealed class AnswerProgressRun : IAsyncDisposable
{
    /// <summary>Tokens between two reports, so a fast model does not double the traffic of its own answer.</summary>
    private const int TokensPerReport = 8;

    private readonly JsonRpcConnection _client;
    private readonly string _verb;
    private readonly CancellationTokenSource _cancellation;
    private readonly Action<AnswerProgressRun> _ended;
    private bool _begun;
    private string _model = "";
    private int _tokens;
    private int _reportedTokens;
    private string? _outcome;

    public AnswerProgressRun(JsonRpcConnection client, ProgressToken token, string verb, Action<AnswerProgressRun> ended, CancellationToken request)
    {
        _client = client;
        Token = token;
        _verb = verb;
        _ended = ended;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(request);
    }

    public ProgressToken Token { get; }

    /// <summary>Cancelled by the request's own cancellation or by <c>window/workDoneProgress/cancel</c>.</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The answer ended as the user cancelled it: nothing is left to stop.
        }
    }

    /// <summary>Follows the dispatch: who is asked, how much text has come, a restart or an escalation.</summary>
    public async ValueTask OnEventAsync(DispatchEvent step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        switch (step.Kind)
        {
            case DispatchEventKind.Started when !_begun:
                _begun = true;
                _model = step.Model;
                await SendAsync(new WorkDoneProgressBegin($"{_verb} with {step.Model}", Cancellable: true, Message: $"{step.Model} on {step.Endpoint}"), cancellationToken);
                break;
            case DispatchEventKind.Started:
                _model = step.Model;
                break;
            case DispatchEventKind.Text:
                _tokens += Math.Max(1, TokenCounter.Default.Count(step.Text));
                if (_reportedTokens == 0 || _tokens - _reportedTokens >= TokensPerReport)
                {
                    _reportedTokens = _tokens;
                    await SendAsync(new WorkDoneProgressReport(Said()), cancellationToken);
                }

                break;
            case DispatchEventKind.Restart or DispatchEventKind.Escalation or DispatchEventKind.Progress:
                if (step.Kind != DispatchEventKind.Progress)
                {
                    _model = step.Model;
                    _tokens = 0;
                    _reportedTokens = 0;
                }

                await SendAsync(new WorkDoneProgressReport(OutwardRedactor.Default.Redact(step.Text)), cancellationToken);
                break;
        }
    }

    /// <summary>The answer is complete: the end says who gave it.</summary>
    public void Answered(DispatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _model = result.Model;
        _outcome = $"{result.Tier.Name()} · {Said()} on {result.Endpoint}";
    }

    /// <summary>Ends the progress (begun or not) and stops listening for its cancellation.</summary>
    public async ValueTask DisposeAsync()
    {
        _ended(this);
        string message = _outcome ?? (_cancellation.IsCancellationRequested ? "cancelled" : "failed");
        if (!_begun)
        {
            _begun = true;
            await SendAsync(new WorkDoneProgressBegin(_verb), CancellationToken.None);
        }

        await SendAsync(new WorkDoneProgressEnd(message), CancellationToken.None);
        _cancellation.Dispose();
    }

    private string Said() => string.Create(CultureInfo.InvariantCulture, $"{_model} · {_tokens} tokens");

    private async Task SendAsync(WorkDoneProgressBegin value, CancellationToken cancellationToken)
    {
        try
        {
            await _client.ReportProgressAsync(Token, value, cancellationToken);
        }
        catch (IOException)
        {
            // The client is gone; the answer's own error or result says the rest.
        }
    }

    private async Task SendAsync(WorkDoneProgressReport value, CancellationToken cancellationToken)
    {
        try
        {
            await _client.ReportProgressAsync(Token, value, cancellationToken);
        }
        catch (IOException)
        {
            // As above.
        }
    }

    private async Task SendAsync(WorkDoneProgressEnd value, CancellationToken cancellationToken)
    {
        try
        {
            await _client.ReportProgressAsync(Token, value, cancellationToken);
        }
        catch (IOException)
        {
            // As above.
        }
    }
}
