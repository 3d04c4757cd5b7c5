using Router.Protocol.JsonRpc;

namespace Router.Protocol.Lsp;

/// <summary>The LSP lifecycle rules: before <c>initialize</c> requests get ServerNotInitialized and notifications
/// (except <c>exit</c>) are dropped; after <c>shutdown</c> requests get InvalidRequest; <c>exit</c> ends with
/// code 0 after a shutdown and 1 otherwise. Plug <see cref="Admit"/> into <see cref="JsonRpcConnection.Admission"/>.</summary>
public sealed class LspLifecycle
{
    private int _state = (int)LspLifecycleState.NotInitialized;
    private bool _shutDownBeforeExit;

    public LspLifecycleState State => (LspLifecycleState)Volatile.Read(ref _state);

    /// <summary>The process exit code the LSP spec asks for at this point.</summary>
    public int ExitCode => State == LspLifecycleState.ShutDown || (State == LspLifecycleState.Exited && _shutDownBeforeExit) ? 0 : 1;

    /// <summary>Decides whether a message may run in the current state; plug into <see cref="JsonRpcConnection.Admission"/>.</summary>
    public Admission Admit(string method, bool isRequest)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method == LspMethods.Exit && !isRequest)
        {
            return State == LspLifecycleState.Exited ? Admission.Refuse(JsonRpcErrorCodes.InvalidRequest, "exited") : Admission.Accept;
        }

        return State switch
        {
            LspLifecycleState.NotInitialized when method == LspMethods.Initialize && isRequest => Admission.Accept,
            LspLifecycleState.NotInitialized => Admission.Refuse(JsonRpcErrorCodes.ServerNotInitialized, "The server has not been initialized."),
            LspLifecycleState.Initialized when method == LspMethods.Initialize => Admission.Refuse(JsonRpcErrorCodes.InvalidRequest, "The server is already initialized."),
            LspLifecycleState.Initialized => Admission.Accept,
            _ => Admission.Refuse(JsonRpcErrorCodes.InvalidRequest, "The server is shutting down."),
        };
    }

    public void MarkInitialized() => Interlocked.CompareExchange(ref _state, (int)LspLifecycleState.Initialized, (int)LspLifecycleState.NotInitialized);

    public void MarkShutDown() => Interlocked.CompareExchange(ref _state, (int)LspLifecycleState.ShutDown, (int)LspLifecycleState.Initialized);

    /// <summary>Records the exit and returns the exit code (0 after shutdown, else 1).</summary>
    public int MarkExited()
    {
        int previous = Interlocked.Exchange(ref _state, (int)LspLifecycleState.Exited);
        _shutDownBeforeExit |= previous == (int)LspLifecycleState.ShutDown;
        return ExitCode;
    }
}
