using System.CommandLine;
using System.Globalization;

namespace Router.Cli.Commands;

/// <summary>The <c>--timeout</c> of the commands that probe hosts: seconds one host may take to answer, checked the same way.</summary>
internal static class ProbeTimeout
{
    public static Option<double> Create(string description, double defaultSeconds) =>
        new("--timeout") { Description = description, DefaultValueFactory = _ => defaultSeconds };

    /// <summary>The timeout given, or null after telling stderr why it cannot be used (the command then exits 2).</summary>
    public static async Task<TimeSpan?> ReadAsync(ParseResult parseResult, Option<double> option, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        double seconds = parseResult.GetValue(option);
        if (seconds <= 0 || double.IsNaN(seconds) || seconds > 3600)
        {
            string message = string.Create(CultureInfo.InvariantCulture, $"router {command}: --timeout must be a number of seconds between 0 and 3600, not {seconds}");
            await Console.Error.WriteLineAsync(message.AsMemory(), cancellationToken);
            return null;
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
