using System.Text.Json;
using Router.Core.Redaction;
using Router.Core.Requests;
using Router.Lsp.Configuration;
using Router.Lsp.Contracts;
using Router.Lsp.Documents;
using Router.Lsp.Explain;
using Router.Lsp.Progress;
using Router.Lsp.Refactor;
using Router.Lsp.Status;
using Router.Protocol;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;

namespace Router.Lsp.Assistant;

/// <summary>Maps <c>workspace/executeCommand</c> (router.explain, router.ask, router.refactor, router.whyThisModel,
/// router.doctor, router.configShow), <c>textDocument/codeAction</c> and <c>codeAction/resolve</c> onto the assistant.</summary>
internal sealed class AssistantHandlers(
    AssistantService assistant,
    RefactorEditor refactors,
    DecisionLog decisions,
    StatusPublisher status,
    DocumentStore documents,
    AnswerProgress progress,
    ClientEditSupport edits,
    ConfigurationHandlers configuration,
    JsonRpcConnection connection)
{
    private static LspJsonContext Json => LspJsonContext.Default;

    private static RouterJsonContext RouterJson => RouterJsonContext.Default;

    private static OutwardRedactor Redactor => OutwardRedactor.Default;

    /// <summary>The refactors offered on a selection; each is resolved (the model asked) only when the user picks it.</summary>
    private static readonly (string Title, string Kind, string Instruction)[] Refactors =
    [
        ("Add error handling (AI)", CodeActionKinds.RefactorRewrite, "Add error handling to this code. Keep its behaviour otherwise."),
        ("Extract function (AI)", CodeActionKinds.RefactorExtract, "Extract the core of this code into a well-named function and call it here."),
        ("Simplify (AI)", CodeActionKinds.RefactorRewrite, "Simplify this code without changing its behaviour."),
    ];

    public async ValueTask<JsonElement> ExecuteCommandAsync(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Command)
        {
            case RouterCommands.Explain:
            {
                RouterSelectionArguments selection = Argument(request, RouterJson.RouterSelectionArguments);
                AssistantAnswer answer = await AnswerAsync(ExplainAction.Ask(selection), request, ExplainAction.Verb, cancellationToken);
                return JsonSerializer.SerializeToElement(new RouterAnswerStarted(answer.Id), RouterJson.RouterAnswerStarted);
            }

            case RouterCommands.Ask:
            {
                RouterAskArguments ask = Argument(request, RouterJson.RouterAskArguments);
                AssistantAnswer answer = await AnswerAsync(new AssistantAsk(RequestKind.Chat, ask.Uri, ask.Range, ask.Prompt), request, "Asking", cancellationToken);
                return JsonSerializer.SerializeToElement(new RouterAnswerStarted(answer.Id), RouterJson.RouterAnswerStarted);
            }

            case RouterCommands.Refactor:
            {
                RouterSelectionArguments selection = Argument(request, RouterJson.RouterSelectionArguments);
                RouterRefactorResult result = ForClient(await refactors.RefactorAsync(selection, cancellationToken));
                if (selection.Apply == true && result.Edit is { } edit)
                {
                    result = await ApplyAsync(edit, result, cancellationToken);
                }

                return JsonSerializer.SerializeToElement(result, RouterJson.RouterRefactorResult);
            }

            case RouterCommands.WhyThisModel:
                return JsonSerializer.SerializeToElement(new RouterDecisionsResult([.. decisions.Recent().Select(Redacted)]), RouterJson.RouterDecisionsResult);

            case RouterCommands.Doctor:
                return JsonSerializer.SerializeToElement(new RouterDoctorResult(Redactor.Redact(DoctorText(status.Current()))), RouterJson.RouterDoctorResult);

            case RouterCommands.ConfigShow:
                return JsonSerializer.SerializeToElement(configuration.Show(), RouterJson.RouterConfigShowResult);

            default:
                throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"unknown command '{request.Command}'; this server runs {string.Join(", ", RouterCommands.All)}");
        }
    }

    public ValueTask<IReadOnlyList<CodeAction>> CodeActionAsync(CodeActionParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool hasSelection = request.Range.Start != request.Range.End;
        if (!hasSelection || !documents.TryGet(request.TextDocument.Uri, out _))
        {
            return ValueTask.FromResult<IReadOnlyList<CodeAction>>([]);
        }

        RouterSelectionArguments explain = new(request.TextDocument.Uri, request.Range);
        List<CodeAction> actions = [ExplainAction.Offer(explain)];
        foreach ((string title, string kind, string instruction) in Refactors)
        {
            if (request.Context.Only is { } only && !only.Any(wanted => IsWithin(kind, wanted)))
            {
                continue;
            }

            // A client that cannot resolve the edit lazily gets a command instead: the server asks the model when it runs,
            // and applies the edit with workspace/applyEdit.
            actions.Add(edits.ResolvesEdits
                ? new CodeAction(title)
                {
                    Kind = kind,
                    Data = JsonSerializer.SerializeToElement(explain with { Instruction = instruction }, RouterJson.RouterSelectionArguments),
                }
                : new CodeAction(title)
                {
                    Kind = kind,
                    Command = new Command(
                        title, RouterCommands.Refactor, [JsonSerializer.SerializeToElement(explain with { Instruction = instruction, Apply = true }, RouterJson.RouterSelectionArguments)]),
                });
        }

        if (request.Context.Only is { } kinds && !kinds.Any(wanted => IsWithin(CodeActionKinds.QuickFix, wanted)))
        {
            actions.RemoveAt(0);
        }

        return ValueTask.FromResult<IReadOnlyList<CodeAction>>(actions);
    }

    // The deserializer enforces nullability on members, not on list items: a client's `only: [null]` arrives as a null.
    private static bool IsWithin(string kind, string? wanted) => wanted is not null && kind.StartsWith(wanted, StringComparison.Ordinal);

    /// <summary>Asks the model for the refactor the user picked and returns the action with its edit to review.</summary>
    public async ValueTask<CodeAction> ResolveCodeActionAsync(CodeAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Data is not { } data || action.Edit is not null)
        {
            return action;
        }

        RouterSelectionArguments selection;
        try
        {
            selection = data.Deserialize(RouterJson.RouterSelectionArguments)
                ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "the code action carries no selection");
        }
        catch (JsonException e)
        {
            // The data comes back from the client as it pleases: a wrong shape is bad params, not our internal error.
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"the code action's data is not a Router selection: {e.Message}");
        }

        RouterRefactorResult result = ForClient(await refactors.RefactorAsync(selection, cancellationToken));
        return result.Edit is { } edit
            ? action with { Edit = edit }
            : action with { Disabled = new CodeActionDisabled(result.Message ?? "the model proposed no change") };
    }

    /// <summary>The result with its edit in a shape the client takes, or a message saying why it cannot take it.</summary>
    private RouterRefactorResult ForClient(RouterRefactorResult result)
    {
        if (result.Edit is not { } edit)
        {
            return result;
        }

        (WorkspaceEdit? adapted, string? refusal) = edits.Adapt(edit);
        return adapted is null ? new RouterRefactorResult(null, refusal) : result with { Edit = adapted };
    }

    /// <summary>Applies a refactor's edit in the editor (the command form of a refactor code action).</summary>
    private async Task<RouterRefactorResult> ApplyAsync(WorkspaceEdit edit, RouterRefactorResult result, CancellationToken cancellationToken)
    {
        if (!edits.AppliesEdits)
        {
            return result with { Message = "this editor does not apply edits a server sends (workspace/applyEdit); the edit is in this result" };
        }

        ApplyWorkspaceEditResult? applied;
        try
        {
            applied = await connection.SendRequestAsync(
                LspMethods.ApplyEdit, new ApplyWorkspaceEditParams(edit, "Refactor with AI"), Json.ApplyWorkspaceEditParams, Json.ApplyWorkspaceEditResult, cancellationToken);
        }
        catch (JsonRpcException refused)
        {
            // eglot answers an error when the user declines its "apply these edits?" prompt.
            return result with { Message = $"the editor did not apply the refactor: {refused.Message}" };
        }

        return applied is { Applied: true }
            ? result
            : result with { Message = $"the editor did not apply the refactor: {applied?.FailureReason ?? "no reason given"}" };
    }

    /// <summary>Answers with work-done progress when the client gave a token or can take one.</summary>
    private async Task<AssistantAnswer> AnswerAsync(AssistantAsk ask, ExecuteCommandParams request, string verb, CancellationToken cancellationToken)
    {
        await using AnswerProgressRun? run = await progress.StartAsync(ProgressToken.From(request.WorkDoneToken), verb, cancellationToken);
        if (run is null)
        {
            return await assistant.AnswerAsync(ask, cancellationToken);
        }

        AssistantAnswer answer;
        try
        {
            answer = await assistant.AnswerAsync(ask, run.Cancellation, run.OnEventAsync);
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Cancelled from the editor's progress UI: a client's cancel, though it did not come as $/cancelRequest.
            throw new JsonRpcException(JsonRpcErrorCodes.RequestCancelled, "Cancelled in the editor.");
        }

        run.Answered(answer.Result);
        return answer;
    }

    private static T Argument<T>(ExecuteCommandParams request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        if (request.Arguments is not [JsonElement first, ..])
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{request.Command} needs one argument object");
        }

        try
        {
            return first.Deserialize(type) ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{request.Command}: the argument is null");
        }
        catch (JsonException e)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{request.Command}: {e.Message}");
        }
    }

    /// <summary>A decision as "Why this model?" shows it: reasons name detectors, but attempts and escalations may quote a
    /// host's error.</summary>
    private static RouterDecisionInfo Redacted(RouterDecisionInfo decision) => decision with
    {
        Reasons = [.. decision.Reasons.Select(Redactor.Redact)],
        Fallbacks = [.. decision.Fallbacks.Select(Redactor.Redact)],
        Escalation = Redactor.RedactOptional(decision.Escalation),
    };

    private static string DoctorText(RouterStatusParams current)
    {
        System.Text.StringBuilder text = new("| host | state | warm models | last error |\n|---|---|---|---|\n");
        foreach (RouterHostStatus host in current.Hosts)
        {
            text.Append($"| {host.Name} | {(host.Healthy ? "usable" : "circuit open")} | {string.Join(", ", host.WarmModels)} | {host.Error ?? ""} |\n");
        }

        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\nSpent today: ${current.SpentTodayUsd:0.00}. For models present and missing per tier, run `router doctor` in a terminal.\n");
        if (current.TodayShares is { Count: > 0 } shares)
        {
            text.Append("\nRequests today: ")
                .AppendJoin(", ", shares.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Tier} {s.Share * 100:0}% ({s.Requests})")))
                .Append(". `router report` shows where they went.\n");
        }

        return text.ToString();
    }
}
