using System.Collections.Concurrent;
using System.Text.Json;
using Router.Protocol.JsonRpc;
using Router.Protocol.Lsp;

namespace Router.Protocol.Tests;

public sealed class ConnectionTests
{
    private static LspJsonContext Json => LspJsonContext.Default;

    [Fact]
    public async Task Client_request_gets_the_typed_result()
    {
        await using ConnectedPair pair = new();
        TestHandlers.Register(pair.Server);
        pair.Start();

        Position? result = await pair.Client.SendRequestAsync("test/echo", new Position(3, 4), Json.Position, Json.Position, pair.Timeout);

        Assert.Equal(new Position(3, 4), result);
    }

    [Fact]
    public async Task Error_response_surfaces_as_JsonRpcException_with_its_code()
    {
        await using ConnectedPair pair = new();
        TestHandlers.Register(pair.Server);
        pair.Start();

        JsonRpcException error = await Assert.ThrowsAsync<JsonRpcException>(
            () => pair.Client.SendRequestAsync("no/such", new Position(0, 0), Json.Position, Json.Position, pair.Timeout));

        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, error.Code);
    }

    [Fact]
    public async Task Cancelling_a_client_request_cancels_the_server_handler()
    {
        await using ConnectedPair pair = new();
        TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource handlerCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.Server.AddRequestHandler("test/wait", Json.Position, Json.Position, async (position, cancellationToken) =>
        {
            using CancellationTokenRegistration _ = cancellationToken.Register(() => handlerCancelled.TrySetResult());
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return position;
        });
        pair.Start();
        using CancellationTokenSource cancel = new();

        Task<Position?> request = pair.Client.SendRequestAsync("test/wait", new Position(0, 0), Json.Position, Json.Position, cancel.Token);
        await started.Task.WaitAsync(pair.Timeout);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await handlerCancelled.Task.WaitAsync(pair.Timeout);
    }

    [Fact]
    public async Task Server_to_client_requests_are_correlated_with_their_responses()
    {
        await using ConnectedPair pair = new();
        pair.Client.AddRequestHandler(LspMethods.Configuration, Json.ConfigurationParams, Json.IReadOnlyListJsonElement, async (request, _) =>
        {
            // Answer out of order: later sections answer sooner.
            int delay = 30 - (request.Items[0].Section!.Length * 5);
            await Task.Delay(Math.Max(0, delay), CancellationToken.None);
            return [JsonSerializer.SerializeToElement(request.Items[0].Section, Json.String)];
        });
        pair.Server.AddRequestHandler("test/ask", Json.Position, Json.Position, async (position, cancellationToken) =>
        {
            string section = new('s', position.Line);
            IReadOnlyList<JsonElement> values = await pair.Server.GetConfigurationAsync(new ConfigurationParams([new ConfigurationItem(section)]), cancellationToken);
            return new Position(position.Line, values[0].GetString()!.Length);
        });
        pair.Start();

        Task<Position?>[] requests = [.. Enumerable.Range(1, 5).Select(line =>
            pair.Client.SendRequestAsync("test/ask", new Position(line, 0), Json.Position, Json.Position, pair.Timeout))];
        Position?[] results = await Task.WhenAll(requests);

        Assert.Equal([1, 2, 3, 4, 5], results.Select(result => result!.Character));
    }

    [Fact]
    public async Task Log_message_and_progress_reach_the_client_typed()
    {
        await using ConnectedPair pair = new();
        ConcurrentQueue<string> seen = new();
        TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.Client.AddNotificationHandler(LspMethods.LogMessage, Json.LogMessageParams, (message, _) =>
        {
            seen.Enqueue($"log:{message.Type}:{message.Message}");
            return ValueTask.CompletedTask;
        });
        pair.Client.AddRequestHandler(LspMethods.WorkDoneProgressCreate, Json.WorkDoneProgressCreateParams, Json.Object, (create, _) =>
        {
            seen.Enqueue($"create:{create.Token}");
            return ValueTask.FromResult<object?>(null);
        });
        pair.Client.AddNotificationHandler(LspMethods.Progress, Json.ProgressParamsJsonElement, (progress, _) =>
        {
            string kind = progress.Value.GetProperty("kind").GetString()!;
            seen.Enqueue($"progress:{progress.Token}:{kind}");
            if (kind == "end")
            {
                ended.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });
        pair.Server.AddRequestHandler("test/work", Json.Position, Json.Position, async (position, cancellationToken) =>
        {
            await pair.Server.CreateWorkDoneProgressAsync("t1", cancellationToken);
            await pair.Server.ReportProgressAsync("t1", new WorkDoneProgressBegin("Working"), cancellationToken);
            await pair.Server.ReportProgressAsync("t1", new WorkDoneProgressReport("half", 50), cancellationToken);
            await pair.Server.LogMessageAsync(MessageType.Warning, "careful", cancellationToken);
            await pair.Server.ReportProgressAsync("t1", new WorkDoneProgressEnd(), cancellationToken);
            return position;
        });
        pair.Start();

        await pair.Client.SendRequestAsync("test/work", new Position(0, 0), Json.Position, Json.Position, pair.Timeout);
        await ended.Task.WaitAsync(pair.Timeout);

        Assert.Equal(
            ["create:t1", "progress:t1:begin", "progress:t1:report", "log:Warning:careful", "progress:t1:end"],
            seen.ToArray());
    }

    [Fact]
    public async Task Stopping_the_server_answers_its_running_requests_as_cancelled()
    {
        await using ConnectedPair pair = new();
        TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        pair.Server.AddRequestHandler("test/wait", Json.Position, Json.Position, async (position, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return position;
        });
        pair.Start();

        Task<Position?> request = pair.Client.SendRequestAsync("test/wait", new Position(0, 0), Json.Position, Json.Position, pair.Timeout);
        await started.Task.WaitAsync(pair.Timeout);
        pair.Server.Stop();

        JsonRpcException error = await Assert.ThrowsAsync<JsonRpcException>(() => request.WaitAsync(pair.Timeout));
        Assert.Equal(JsonRpcErrorCodes.RequestCancelled, error.Code);
        await pair.ServerRun.WaitAsync(pair.Timeout);
    }

    [Fact]
    public async Task Pending_request_fails_with_IOException_when_the_peer_goes_away()
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(20));
        System.IO.Pipelines.Pipe toServer = new();
        System.IO.Pipelines.Pipe toClient = new();
        await using JsonRpcConnection client = new(toClient.Reader, toServer.Writer);
        Task running = client.RunAsync(CancellationToken.None);

        Task<Position?> request = client.SendRequestAsync("test/echo", new Position(0, 0), Json.Position, Json.Position, timeout.Token);
        await toServer.Reader.ReadAsync(timeout.Token);
        await toClient.Writer.CompleteAsync();

        await Assert.ThrowsAsync<IOException>(() => request.WaitAsync(timeout.Token));
        await running.WaitAsync(timeout.Token);
    }

    [Fact]
    public async Task Mutating_notifications_complete_before_later_requests_start_every_time()
    {
        await using ConnectedPair pair = new();
        int state = 0;
        pair.Server.AddNotificationHandler("test/set", Json.Position, async (position, _) =>
        {
            // Yield inside the handler, so a queue that did not wait for it would let the read overtake.
            await Task.Yield();
            await Task.Delay(position.Line % 3 == 0 ? 1 : 0, CancellationToken.None);
            Volatile.Write(ref state, position.Line);
        });
        pair.Server.AddRequestHandler("test/get", Json.Position, Json.Position, (position, _) =>
            ValueTask.FromResult(new Position(Volatile.Read(ref state), position.Line)));
        pair.Start();

        List<Task<Position?>> reads = [];
        for (int i = 1; i <= 300; i++)
        {
            await pair.Client.SendNotificationAsync("test/set", new Position(i, 0), Json.Position, pair.Timeout);
            reads.Add(pair.Client.SendRequestAsync("test/get", new Position(i, 0), Json.Position, Json.Position, pair.Timeout));
        }

        foreach (Position? read in await Task.WhenAll(reads))
        {
            Assert.Equal(read!.Character, read.Line);
        }
    }
}
