using System.Text;
using Router.Runtime.Configuration;


namespace Router.Lsp.Tests.Lifecycle;

public sealed class StdioExitTests
{
    private static string Frame(string json) => $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task Exit_ends_the_server_even_when_the_input_read_cannot_be_cancelled(bool shutdownFirst, int expectedCode)
    {
        string script =
            Frame("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""")
            + Frame("""{"jsonrpc":"2.0","method":"initialized","params":{}}""")
            + (shutdownFirst ? Frame("""{"jsonrpc":"2.0","id":2,"method":"shutdown"}""") : string.Empty)
            + Frame("""{"jsonrpc":"2.0","method":"exit"}""");
        using UncancellableInputStream input = new(Encoding.UTF8.GetBytes(script));
        using MemoryStream output = new();
        using RouterConfigSource config = RouterConfigSource.Fixed(TestConfig.With());
        await using LspServer server = new(input, output, new LspServerOptions(), config, new FakeProviderSource(new FakeModelProvider()));

        int code = await server.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(expectedCode, code);
        string written = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("\"inlineCompletionProvider\":true", written, StringComparison.Ordinal);
    }
}
