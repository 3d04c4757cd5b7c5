using System.Text.Json;
using Router.Core.Usage.Reporting;
using Router.Lsp.Contracts;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;
using Router.Runtime.Configuration;
using Router.Runtime.Usage;
using Router.Runtime.Usage.Reporting;

namespace Router.Lsp.Usage;

/// <summary><c>router.usageReport</c>: the usage report over the ledger as one HTML page, the same page
/// <c>router report --html</c> writes, for the editor's "Router: Show Usage".</summary>
internal sealed class UsageReportHandler(IUsageLedger? ledger, RouterConfigSource config, TimeProvider time)
{
    private const int DefaultDays = 7;
    private const int MaxDays = 3660;

    public async ValueTask<JsonElement> ReportAsync(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        int days = DefaultDays;
        if (request.Arguments is [JsonElement first, ..] && first.ValueKind == JsonValueKind.Object)
        {
            try
            {
                days = first.Deserialize(RouterJsonContext.Default.RouterUsageReportArguments)?.Days ?? DefaultDays;
            }
            catch (JsonException e)
            {
                throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{RouterCommands.UsageReport}: the argument is not {{days}}: {e.Message}");
            }
        }

        if (days is < 1 or > MaxDays)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"{RouterCommands.UsageReport}: days must be 1 to {MaxDays}, not {days}");
        }

        if (ledger is null)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InternalError, "this server keeps no usage ledger, so there is nothing to report");
        }

        DateTimeOffset now = time.GetUtcNow();
        UsageReportOptions options = UsageReportSettings.Options(config.Policy.Config, now.AddDays(-days), now);
        UsageReport report = await UsageReportSettings.BuildAsync(ledger, options, cancellationToken);
        return JsonSerializer.SerializeToElement(new RouterUsageReportResult(UsageReportHtml.Render(report)), RouterJsonContext.Default.RouterUsageReportResult);
    }
}
