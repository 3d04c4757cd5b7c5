using System.Text.Json;
using Router.Protocol.JsonRpc;

namespace Router.Protocol.Lsp;

/// <summary>Typed server-to-client messages: log messages, work-done progress and configuration requests.</summary>
public static class LspClientMessages
{
    public static Task LogMessageAsync(this JsonRpcConnection connection, MessageType type, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.SendNotificationAsync(LspMethods.LogMessage, new LogMessageParams(type, message), LspJsonContext.Default.LogMessageParams, cancellationToken);
    }

    /// <summary>Shows a message to the user (<c>window/showMessage</c>).</summary>
    public static Task ShowMessageAsync(this JsonRpcConnection connection, MessageType type, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.SendNotificationAsync(LspMethods.ShowMessage, new ShowMessageParams(type, message), LspJsonContext.Default.ShowMessageParams, cancellationToken);
    }

    /// <summary>Asks the client to create a progress token (<c>window/workDoneProgress/create</c>).</summary>
    public static Task CreateWorkDoneProgressAsync(this JsonRpcConnection connection, ProgressToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.SendRequestAsync(
            LspMethods.WorkDoneProgressCreate,
            new WorkDoneProgressCreateParams(token),
            LspJsonContext.Default.WorkDoneProgressCreateParams,
            LspJsonContext.Default.JsonElement,
            cancellationToken);
    }

    public static Task ReportProgressAsync(this JsonRpcConnection connection, ProgressToken token, WorkDoneProgressBegin value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.SendNotificationAsync(LspMethods.Progress, new ProgressParams<WorkDoneProgressBegin>(token, value), LspJsonContext.Default.ProgressParamsWorkDoneProgressBegin, cancellationToken);
    }

    public static Task ReportProgressAsync(this JsonRpcConnection connection, ProgressToken token, WorkDoneProgressReport value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.SendNotificationAsync(LspMethods.Progress, new ProgressParams<WorkDoneProgressReport>(token, value), LspJsonContext.Default.ProgressParamsWorkDoneProgressReport, cancellationToken);
    }

    public static Task ReportProgressAsync(this JsonRpcConnection connection, ProgressToken token, WorkDoneProgressEnd value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.SendNotificationAsync(LspMethods.Progress, new ProgressParams<WorkDoneProgressEnd>(token, value), LspJsonContext.Default.ProgressParamsWorkDoneProgressEnd, cancellationToken);
    }

    /// <summary>Asks the client for configuration sections (<c>workspace/configuration</c>); one value per item.</summary>
    public static async Task<IReadOnlyList<JsonElement>> GetConfigurationAsync(this JsonRpcConnection connection, ConfigurationParams parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        IReadOnlyList<JsonElement>? values = await connection.SendRequestAsync(
            LspMethods.Configuration,
            parameters,
            LspJsonContext.Default.ConfigurationParams,
            LspJsonContext.Default.IReadOnlyListJsonElement,
            cancellationToken);
        return values ?? [];
    }
}
