using Router.Cli.Terminal;

namespace Router.Cli.Tests.Terminal;

public sealed class RedactingWriterTests
{
    private static readonly string Password = "Pw" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_url_password_written_in_pieces_is_judged_with_its_whole_line()
    {
        using StringWriter inner = new();
        TextWriter writer = RedactingWriter.Wrap(inner);

        await writer.WriteAsync("cannot reach http://admin:".AsMemory());
        writer.Write(Password[..5]);
        await writer.WriteLineAsync($"{Password[5..]}@gpu-box:11434".AsMemory());

        Assert.Equal($"cannot reach http://***@gpu-box:11434{Environment.NewLine}", inner.ToString());
    }

    [Fact]
    public async Task Nothing_goes_out_before_its_line_ends_or_the_writer_is_flushed()
    {
        using StringWriter inner = new();
        TextWriter writer = RedactingWriter.Wrap(inner);

        await writer.WriteAsync("route      quick on gpu-box".AsMemory());
        Assert.Equal("", inner.ToString());

        await writer.FlushAsync();
        Assert.Equal("route      quick on gpu-box", inner.ToString());
    }

    [Fact]
    public void A_message_of_several_lines_is_redacted_as_one_and_keeps_its_lines()
    {
        using StringWriter inner = new();
        TextWriter writer = RedactingWriter.Wrap(inner);

        writer.WriteLine($"no endpoint could answer:\n  1. gpu-box: Ollama at postgres://app:{Password}@db/x failed\n  2. laptop: model missing");

        Assert.Equal($"no endpoint could answer:\n  1. gpu-box: Ollama at postgres://***@db/x failed\n  2. laptop: model missing{Environment.NewLine}", inner.ToString());
    }

    [Fact]
    public void Wrapping_twice_redacts_once()
    {
        using StringWriter inner = new();
        TextWriter once = RedactingWriter.Wrap(inner);

        Assert.Same(once, RedactingWriter.Wrap(once));
    }
}
