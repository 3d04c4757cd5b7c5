using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Router.Emulator.Wire;

namespace Router.Emulator;

/// <summary>The /_emulator endpoints: fault switches, the request log and the host's clock over HTTP, for tests and replays
/// in other processes.</summary>
internal static class EmulatorControl
{
    public static async Task HandleAsync(HttpContext http, string path, RequestLog log, FaultBoard faults, MovableClock clock)
    {
        var cancellationToken = http.RequestAborted;
        http.Response.ContentType = "application/json; charset=utf-8";
        switch (http.Request.Method, path)
        {
            case ("GET", "/_emulator/requests"):
                var records = log.Snapshot().Select(ToBody).ToList();
                await JsonSerializer.SerializeAsync(http.Response.Body, records, EmulatorJsonContext.Default.IReadOnlyListRequestRecordBody, cancellationToken);
                break;
            case ("DELETE", "/_emulator/requests"):
                log.Clear();
                http.Response.StatusCode = 204;
                break;
            case ("GET", "/_emulator/faults"):
                var current = faults.Snapshot().Select(f => ToBody(f.Model, f.Faults)).ToList();
                await JsonSerializer.SerializeAsync(http.Response.Body, current, EmulatorJsonContext.Default.IReadOnlyListFaultsBody, cancellationToken);
                break;
            case ("POST", "/_emulator/faults"):
                FaultsBody? body;
                try
                {
                    body = await JsonSerializer.DeserializeAsync(http.Request.Body, EmulatorJsonContext.Default.FaultsBody, cancellationToken);
                }
                catch (JsonException e)
                {
                    await WriteErrorAsync(http, 400, e.Message, cancellationToken);
                    return;
                }

                if (body is null)
                {
                    await WriteErrorAsync(http, 400, "missing request body", cancellationToken);
                    return;
                }

                faults.Set(FromBody(body), body.Model);
                http.Response.StatusCode = 204;
                break;
            case ("POST", "/_emulator/clock"):
                ClockBody? move;
                try
                {
                    move = await JsonSerializer.DeserializeAsync(http.Request.Body, EmulatorJsonContext.Default.ClockBody, cancellationToken);
                }
                catch (JsonException e)
                {
                    await WriteErrorAsync(http, 400, e.Message, cancellationToken);
                    return;
                }

                // The clock only moves forward, and by a span TimeSpan can hold (a day of idle hours is about 3e7 ms).
                if (move?.AdvanceMs is not { } advance || !double.IsFinite(advance) || advance < 0 || advance > 1e12)
                {
                    await WriteErrorAsync(http, 400, "advance_ms must be a number of milliseconds from 0 to 1e12", cancellationToken);
                    return;
                }

                clock.Advance(TimeSpan.FromMilliseconds(advance));
                await JsonSerializer.SerializeAsync(http.Response.Body, new ClockBody { Now = WireTime.Format(clock.GetUtcNow()) }, EmulatorJsonContext.Default.ClockBody, cancellationToken);
                break;
            case ("DELETE", "/_emulator/faults"):
                faults.Clear();
                http.Response.StatusCode = 204;
                break;
            default:
                await WriteErrorAsync(http, 404, $"no emulator endpoint {http.Request.Method} {path}", cancellationToken);
                break;
        }
    }

    private static Task WriteErrorAsync(HttpContext http, int status, string message, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        return JsonSerializer.SerializeAsync(http.Response.Body, new ErrorBody(message), EmulatorJsonContext.Default.ErrorBody, cancellationToken);
    }

    private static EmulatorFaultSet FromBody(FaultsBody body) => new()
    {
        HostDown = body.HostDown,
        Hang = body.Hang,
        ErrorStatus = body.ErrorStatus,
        ErrorBody = body.ErrorBody,
        ErrorContentType = body.ErrorContentType,
        ServerError = body.ServerError,
        ModelNotFound = body.ModelNotFound,
        CutAfterChunks = body.CutAfterChunks,
        StallAfterChunks = body.StallAfterChunks,
        Reply = body.Reply,
    };

    private static FaultsBody ToBody(string? model, EmulatorFaultSet faults) => new()
    {
        Model = model,
        HostDown = faults.HostDown,
        Hang = faults.Hang,
        ErrorStatus = faults.ErrorStatus,
        ErrorBody = faults.ErrorBody,
        ErrorContentType = faults.ErrorContentType,
        ServerError = faults.ServerError,
        ModelNotFound = faults.ModelNotFound,
        CutAfterChunks = faults.CutAfterChunks,
        StallAfterChunks = faults.StallAfterChunks,
        Reply = faults.Reply,
    };

    private static RequestRecordBody ToBody(EmulatorRequestRecord record) => new()
    {
        Id = record.Id,
        Endpoint = record.Endpoint,
        Model = record.Model,
        Prompt = record.Prompt,
        Suffix = record.Suffix,
        Stream = record.Stream,
        KeepAlive = record.KeepAlive,
        NumCtx = record.NumCtx,
        ColdLoadMs = record.ColdLoad?.TotalMilliseconds,
        Tools = record.Tools,
        Images = record.Images,
        Outcome = JsonNamingPolicy.SnakeCaseLower.ConvertName(record.Outcome.ToString()),
        Chunks = record.Chunks,
        StartedAt = WireTime.Format(record.StartedAt),
        FinishedAt = record.FinishedAt is { } finished ? WireTime.Format(finished) : null,
    };
}
