using Router.Lsp.Contracts;

namespace Router.Demo;

/// <summary>One completion trace the server sent, tagged with the demo step that caused it.</summary>
internal sealed record DemoStepTrace(string Step, CompletionTraceParams Trace);
