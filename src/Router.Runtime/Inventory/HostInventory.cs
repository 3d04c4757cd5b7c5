using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Router.Backends.Ollama;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.Redaction;

namespace Router.Runtime.Inventory;

/// <summary>What each host has, has loaded and can do, from short probes cached for a short time; never throws for a dead host.</summary>
/// <remarks>Ollama: <c>/api/tags</c>, <c>/api/ps</c>, <c>/api/version</c>, and <c>/api/show</c> per model asked about.
/// OpenAI-compatible: <c>/v1/models</c>. Cloud and Anthropic endpoints are not probed; only their key's presence is known.</remarks>
public sealed class HostInventory : IModelStatusSource, IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Func<string, string?> _readVariable;
    private readonly ConcurrentDictionary<EndpointConfig, EndpointState> _endpoints = new();
    private readonly ConcurrentDictionary<(EndpointConfig Endpoint, string Model), CachedModelInfo> _modelInfo = new();
    private readonly ConcurrentDictionary<Uri, OllamaProvider> _ollamaHosts = new();
    private readonly CancellationTokenSource _disposing = new();
    private int _disposed;

    /// <param name="options">Timeouts, freshness and clock; null takes the defaults.</param>
    /// <param name="http">Client for the probes; null makes one with <see cref="HostInventoryOptions.ConnectTimeout"/> (disposed with the inventory).</param>
    /// <param name="readVariable">Reads the environment variable an endpoint's ApiKeyEnv names; null reads the process environment.</param>
    public HostInventory(HostInventoryOptions? options = null, HttpClient? http = null, Func<string, string?>? readVariable = null)
    {
        Options = options ?? new HostInventoryOptions();
        _ownsHttp = http is null;
        _http = http ?? ProviderHttpClient.Create(Options.ConnectTimeout);
        _readVariable = readVariable ?? Environment.GetEnvironmentVariable;
    }

    public HostInventoryOptions Options { get; }

    private TimeProvider Clock => Options.Clock;

    /// <summary>The model's status on the endpoint, from a probe no older than <see cref="HostInventoryOptions.StatusTtl"/>.</summary>
    public async ValueTask<ModelStatus> GetAsync(EndpointConfig endpoint, string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var state = StateOf(endpoint);
        var raw = await FreshAsync(endpoint, state, cancellationToken);
        if (raw.Reachable != true || raw.ModelsPresent is null)
        {
            return ModelStatus.Unknown;
        }

        var hostName = raw.FindPresent(model);
        if (hostName is null)
        {
            return new ModelStatus(Present: false, Loaded: false, null, null, null);
        }

        var now = Clock.GetUtcNow();
        bool? loaded = WithHints(state, raw, now).FindLoaded(model, now) is not null
            ? true
            : raw.LoadedModels is null ? null : false;
        if (endpoint.Provider != ProviderKind.Ollama)
        {
            return new ModelStatus(Present: true, loaded, null, null, null);
        }

        var info = await ModelInfoAsync(endpoint, hostName, cancellationToken);
        return new ModelStatus(Present: true, loaded, info.SupportsInsert, info.SupportsVision, info.ContextTokens)
        {
            SizeBytes = raw.ModelSizes is { } sizes && sizes.TryGetValue(hostName, out var size) && size > 0 ? size : null,
        };
    }

    public async ValueTask<bool?> InMemoryNowAsync(EndpointConfig endpoint, string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (endpoint.Provider != ProviderKind.Ollama || endpoint.Cloud || endpoint.Url is null || _disposed != 0)
        {
            return null;
        }

        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
            limit.CancelAfter(Options.ProbeTimeout);
            var running = await OllamaHost(endpoint.Url).ListRunningModelsAsync(limit.Token);
            return running.Any(m => OllamaModelName.SameModel(m.Name, model) || (m.ModelName is { } name && OllamaModelName.SameModel(name, model)));
        }
        catch (Exception e) when (e is ProviderException or OperationCanceledException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>The endpoint's snapshot (warm hints included), probing only when the last one is older than the TTL.</summary>
    public async ValueTask<EndpointSnapshot> GetSnapshotAsync(EndpointConfig endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var state = StateOf(endpoint);
        var raw = await FreshAsync(endpoint, state, cancellationToken);
        return WithHints(state, raw, Clock.GetUtcNow());
    }

    /// <summary>Probes the endpoint now (or joins a probe already running) and returns the result, warm hints included.
    /// Never throws for a host that is down: the snapshot says so. Cancelling stops the wait, not the shared probe.</summary>
    public async Task<EndpointSnapshot> ProbeAsync(EndpointConfig endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var state = StateOf(endpoint);
        var raw = await state.ProbeAsync(() => ProbeEndpointAsync(endpoint)).WaitAsync(cancellationToken);
        return WithHints(state, raw, Clock.GetUtcNow());
    }

    /// <summary>The last snapshot of the endpoint without any I/O, warm hints included; null before its first probe.</summary>
    public EndpointSnapshot? LastSnapshot(EndpointConfig endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _endpoints.TryGetValue(endpoint, out var state) && state.Last is { } raw ? WithHints(state, raw, Clock.GetUtcNow()) : null;
    }

    /// <summary>The models the endpoint's last model list named, without any I/O, still known while the host is down (so a
    /// request for one of them fails over, or says the host is down, rather than that no host has it); null when no probe
    /// has got its list (never probed, never reachable, or a cloud service, which is not probed).</summary>
    public IReadOnlyList<string>? KnownModels(EndpointConfig endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return _endpoints.TryGetValue(endpoint, out var state) ? state.LastListed : null;
    }

    /// <summary>The last snapshot of every endpoint probed so far, without any I/O (for a status display).</summary>
    public IReadOnlyList<EndpointSnapshot> LastSnapshots()
    {
        var now = Clock.GetUtcNow();
        return _endpoints.Values
            .Select(state => state.Last is { } raw ? WithHints(state, raw, now) : null)
            .OfType<EndpointSnapshot>()
            .OrderBy(s => s.Endpoint, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Notes that <paramref name="model"/> just answered on the endpoint, so it is loaded there now without another
    /// <c>/api/ps</c>. <paramref name="keepAlive"/> is what the request asked for (null: the host's default, negative: forever,
    /// zero: the host unloads it after the answer). A later probe's <c>/api/ps</c> supersedes the note.</summary>
    public void NoteAnswered(EndpointConfig endpoint, string model, TimeSpan? keepAlive = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var state = StateOf(endpoint);
        var alive = keepAlive ?? Options.DefaultKeepAlive;
        if (alive == TimeSpan.Zero)
        {
            state.NoteCold(model);
            return;
        }

        var now = Clock.GetUtcNow();
        state.NoteWarm(model, now, alive < TimeSpan.Zero ? null : now + alive);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _disposing.Cancel();
        _disposing.Dispose();
        foreach (OllamaProvider host in _ollamaHosts.Values)
        {
            host.Dispose();
        }

        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>One OllamaSharp-backed client per host address, over the inventory's HTTP client.</summary>
    private OllamaProvider OllamaHost(Uri url) => _ollamaHosts.GetOrAdd(url, u => new OllamaProvider("inventory", u, _http));

    private EndpointState StateOf(EndpointConfig endpoint) => _endpoints.GetOrAdd(endpoint, _ => new EndpointState());

    private async Task<EndpointSnapshot> FreshAsync(EndpointConfig endpoint, EndpointState state, CancellationToken cancellationToken)
    {
        if (state.Last is { } last && Clock.GetUtcNow() - last.ProbedAt < Options.StatusTtl)
        {
            return last;
        }

        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return await state.ProbeAsync(() => ProbeEndpointAsync(endpoint)).WaitAsync(cancellationToken);
    }

    private static EndpointSnapshot WithHints(EndpointState state, EndpointSnapshot raw, DateTimeOffset now)
    {
        var hints = state.LiveHints(now);
        if (hints.Count == 0)
        {
            return raw;
        }

        var loaded = raw.LoadedModels?.ToList() ?? [];
        foreach (var hint in hints)
        {
            if (!loaded.Any(m => OllamaModelName.SameModel(m.Name, hint.Model) && (m.ExpiresAt is null || m.ExpiresAt > now)))
            {
                loaded.RemoveAll(m => OllamaModelName.SameModel(m.Name, hint.Model));
                loaded.Add(new LoadedModel(raw.FindPresent(hint.Model) ?? hint.Model, null, null, hint.Until, FromAnswer: true));
            }
        }

        return raw with { LoadedModels = loaded };
    }

    private async Task<EndpointSnapshot> ProbeEndpointAsync(EndpointConfig endpoint)
    {
        var startedAt = Clock.GetUtcNow();
        var key = ApiKeySource.Read(endpoint.ApiKeyEnv, _readVariable);
        var blank = new EndpointSnapshot(endpoint.Name, endpoint.Provider, null, null, null, null, null, startedAt, key.VariableName, key.IsMissing);
        if (endpoint.Cloud || endpoint.Provider == ProviderKind.Anthropic)
        {
            // No request to a cloud service just to look: only the key's presence is known.
            return blank;
        }

        if (endpoint.Url is null)
        {
            return blank with { Reachable = false, Error = "no url is configured" };
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_disposing.Token);
        limit.CancelAfter(Options.ProbeTimeout);
        try
        {
            return endpoint.Provider == ProviderKind.Ollama
                ? await ProbeOllamaAsync(endpoint.Url, blank, limit.Token)
                : await ProbeOpenAiAsync(endpoint.Url, key, blank, limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return blank with { Reachable = false, Error = TimeoutMessage() };
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException or ObjectDisposedException)
        {
            return blank with { Reachable = false, Error = OutwardRedactor.Default.Redact($"cannot reach {endpoint.Url.GetLeftPart(UriPartial.Authority)}: {e.Message}") };
        }
    }

    private async Task<EndpointSnapshot> ProbeOllamaAsync(Uri url, EndpointSnapshot blank, CancellationToken cancellationToken)
    {
        var client = OllamaHost(url);

        // All three at once: a probe costs one round trip, and a dead host fails all of them within the connect timeout.
        var tags = Settle(client.ListModelsAsync(cancellationToken));
        var ps = Settle(client.ListRunningModelsAsync(cancellationToken));
        var version = Settle(client.GetVersionAsync(cancellationToken));
        var (models, tagsError) = await tags;
        var (running, _) = await ps;
        var (versionText, _) = await version;
        if (models is null)
        {
            var error = tagsError is OperationCanceledException ? TimeoutMessage() : tagsError?.Message ?? "no model list";
            return blank with { Reachable = false, Error = error, Version = versionText };
        }

        return blank with
        {
            Reachable = true,
            Version = versionText,
            ModelsPresent = models.Select(m => m.Name).ToList(),
            ModelSizes = models.GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Size, StringComparer.Ordinal),
            LoadedModels = running?.Select(r => new LoadedModel(r.Name, r.SizeVram, r.Size, OllamaModelFacts.ExpiresAt(r), FromAnswer: false)).ToList(),
        };
    }

    private async Task<EndpointSnapshot> ProbeOpenAiAsync(Uri url, ApiKeySource key, EndpointSnapshot blank, CancellationToken cancellationToken)
    {
        var address = new Uri(url.AbsoluteUri.TrimEnd('/') + "/models");
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (key.Key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return blank with { Reachable = false, Error = $"GET {address.AbsolutePath} answered HTTP {(int)response.StatusCode}" };
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var list = JsonSerializer.Deserialize(text, InventoryJsonContext.Default.OpenAiModelListBody);
        if (list?.Data is null)
        {
            return blank with { Reachable = false, Error = $"GET {address.AbsolutePath} answered something that is not a model list" };
        }

        return blank with
        {
            Reachable = true,
            ModelsPresent = list.Data.Select(m => m.Id).OfType<string>().ToList(),
        };
    }

    private async Task<ModelInfo> ModelInfoAsync(EndpointConfig endpoint, string model, CancellationToken cancellationToken)
    {
        var key = (endpoint, OllamaModelName.Normalize(model));
        var now = Clock.GetUtcNow();
        if (_modelInfo.TryGetValue(key, out var cached) && !IsStale(cached, now))
        {
            return await cached.Info.WaitAsync(cancellationToken);
        }

        // Only the caller whose entry lands in the cache asks the host, so concurrent callers cost one /api/show.
        var pending = new TaskCompletionSource<ModelInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fresh = new CachedModelInfo(pending.Task, now);
        var used = _modelInfo.AddOrUpdate(key, fresh, (_, old) => IsStale(old, now) ? fresh : old);
        if (ReferenceEquals(used, fresh))
        {
            _ = FillAsync(pending, endpoint, model);
        }

        return await used.Info.WaitAsync(cancellationToken);
    }

    private async Task FillAsync(TaskCompletionSource<ModelInfo> pending, EndpointConfig endpoint, string model)
    {
        try
        {
            pending.SetResult(await ShowAsync(endpoint, model));
        }
        catch (ObjectDisposedException)
        {
            // Disposed mid-lookup: nobody will ask again, but a waiting caller still gets an answer.
            pending.SetResult(ModelInfo.Unknown);
        }
    }

    private bool IsStale(CachedModelInfo cached, DateTimeOffset now)
    {
        if (!cached.Info.IsCompleted)
        {
            return false;
        }

        // A failed lookup is retried as soon as the host's status is; a good one lasts until a model could have been re-pulled.
        var ttl = cached.Info.Result == ModelInfo.Unknown ? Options.StatusTtl : Options.ModelInfoTtl;
        return now - cached.FetchedAt >= ttl;
    }

    private async Task<ModelInfo> ShowAsync(EndpointConfig endpoint, string model)
    {
        if (_disposed != 0 || endpoint.Url is null)
        {
            return ModelInfo.Unknown;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_disposing.Token);
        limit.CancelAfter(Options.ProbeTimeout);
        var (show, _) = await Settle(OllamaHost(endpoint.Url).ShowAsync(model, limit.Token));
        return show is null
            ? ModelInfo.Unknown
            : new ModelInfo(OllamaModelFacts.HasCapability(show, "insert"), OllamaModelFacts.HasCapability(show, "vision"), OllamaModelFacts.ContextLength(show));
    }

    private string TimeoutMessage() =>
        _disposed != 0
            ? "the inventory was closed"
            : $"no answer within {Options.ProbeTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";

    /// <summary>The result or the failure of a probe call, so one failed call never leaves its siblings unobserved.</summary>
    private static async Task<(T? Value, Exception? Error)> Settle<T>(Task<T> call)
        where T : class
    {
        try
        {
            return (await call, null);
        }
        catch (Exception e) when (e is ProviderException or OperationCanceledException or ObjectDisposedException)
        {
            return (null, e);
        }
    }
}
