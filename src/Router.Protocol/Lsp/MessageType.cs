namespace Router.Protocol.Lsp;

/// <summary>Severity of <c>window/logMessage</c> and <c>window/showMessage</c>.</summary>
public enum MessageType
{
    Error = 1,
    Warning = 2,
    Info = 3,
    Log = 4,
    Debug = 5,
}
