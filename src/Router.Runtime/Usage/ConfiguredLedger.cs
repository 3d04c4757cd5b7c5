using Microsoft.Extensions.Logging;
using Router.Core.Configuration;
using Router.Runtime.State;
using Router.Runtime.Usage.Postgres;

namespace Router.Runtime.Usage;

/// <summary>Opens the ledger router.yaml's <c>ledger</c> section names: SQLite in the state folder, or the team's PostgreSQL whose
/// connection string is in the variable <c>ledger.connectionEnv</c> (read here, never logged).</summary>
public static class ConfiguredLedger
{
    /// <summary>The spool folder of the team ledger, in the state folder.</summary>
    public const string SpoolFolder = "ledger-spool";

    /// <summary>The ledger of <paramref name="config"/>. Never throws for the store's sake (an unreachable PostgreSQL spools, an
    /// unopenable SQLite file stores nothing and says why); throws <see cref="InvalidOperationException"/> when the variable
    /// holding the connection string is unset or malformed, with words a user can act on.</summary>
    public static async Task<IUsageLedger> OpenAsync(
        LedgerConfig config, Func<string, string?> environment, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        UsageLedgerOptions options = new(config.RetentionDays);
        if (config.Provider != LedgerProvider.Postgres)
        {
            return await UsageLedger.OpenAsync(UsageLedger.DefaultPath(environment), options, logger, cancellationToken).ConfigureAwait(false);
        }

        string variable = config.ConnectionEnv ?? "ROUTER_LEDGER_URL";
        if (environment(variable) is not { Length: > 0 } connection)
        {
            throw new InvalidOperationException($"ledger.provider is postgres but the environment variable {variable} (ledger.connectionEnv) is not set");
        }

        string spool = Path.Combine(StateDirectory.Resolve(environment), SpoolFolder);
        try
        {
            // The team report's "per user": who runs this router (ROUTER_USER, else the account), hashed in the report by default.
            string user = environment("ROUTER_USER") is { Length: > 0 } named ? named : Environment.UserName;
            return await PostgresUsageLedger.OpenAsync(connection, new PostgresLedgerOptions(spool) { User = user }, options, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{variable}: {e.Message}", e);
        }
    }
}
