using Router.Backends.FillInTheMiddle;
using Router.Backends.Providers;
using Router.Core.Configuration;
using Router.Core.FillInTheMiddle;
using Router.Core.Placement;
using Router.Core.Policy;
using Router.Core.Requests;
using Router.Runtime.Inventory;
using Router.Runtime.Placement;

namespace Router.Cli.Doctor;

/// <summary>Probes every endpoint of a configuration once and judges each tier: is there a host that can serve it, and how well.</summary>
/// <param name="http">Asks OpenAI-compatible servers what they are, for their fill-in-the-middle mode; null skips that.</param>
/// <param name="readVariable">Reads the environment variable an endpoint's key comes from; null reads none.</param>
internal sealed class DoctorExamination(
    RouterConfig config, HostInventory inventory, TimeProvider clock, HttpClient? http = null, Func<string, string?>? readVariable = null)
{
    private readonly List<DoctorProblem> _problems = [];
    private readonly Dictionary<string, ServerIdentity?> _identities = new(StringComparer.Ordinal);

    public async Task<DoctorReport> RunAsync(CancellationToken cancellationToken)
    {
        var endpoints = config.Endpoints.Values.ToList();
        var snapshots = await Task.WhenAll(endpoints.Select(e => inventory.ProbeAsync(e, cancellationToken)));
        var byName = snapshots.ToDictionary(s => s.Endpoint, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var (endpoint, identity) in await Task.WhenAll(endpoints.Select(async e => (e, await IdentifyAsync(e, byName[e.Name], cancellationToken)))))
        {
            _identities[endpoint.Name] = identity;
        }

        var endpointFindings = endpoints.Select(e => Describe(e, byName[e.Name], now)).ToList();
        var tierFindings = new List<TierFinding>();
        foreach (var tier in TierNames.All)
        {
            if (config.Tiers.TryGetValue(tier, out var tierConfig))
            {
                tierFindings.Add(await ExamineAsync(tierConfig, byName, cancellationToken));
            }
        }

        if (http is not null)
        {
            await WarnUnplacedAsync(http, cancellationToken);
        }

        var usable = tierFindings.All(t => t.Usable);
        var problems = _problems
            .OrderBy(p => p.Severity == "error" ? 0 : 1)
            .ToList();
        var unused = UnusedConfiguration.Find(config).Select(d => new UnusedSettingFinding(d.File, d.Line, d.Key, d.Message)).ToList();
        return new DoctorReport(config.Source, endpointFindings, tierFindings, problems, unused, Summarize(endpointFindings, tierFindings, problems, unused.Count), usable);
    }

    /// <summary>A tier's model larger than the GPU memory of every host that serves it (hosts with <c>vramGb</c>), with the numbers.</summary>
    private async Task WarnUnplacedAsync(HttpClient client, CancellationToken cancellationToken)
    {
        if (!config.Endpoints.Values.Any(e => e.VramGb is not null))
        {
            return;
        }

        var hosts = await PlacementProbe.HostsAsync(config, client, new VramCorrections(), new LoadThroughputBook(), budgetFromPs: false, inventory.Options.ProbeTimeout, cancellationToken);
        var plan = PlacementPlanner.Plan(config, hosts, WorkloadRates.Default(config));
        foreach (var unplaced in plan.Unplaced)
        {
            var tier = unplaced.Tier.Name();
            _problems.Add(new DoctorProblem(
                "warning", tier, null, $"{tier}: {unplaced.Model} fits on no host ({unplaced.Reason})", "a smaller model, quantisation or contextTokens, or a host with more GPU memory"));
        }
    }

    private EndpointFinding Describe(EndpointConfig endpoint, EndpointSnapshot snapshot, DateTimeOffset now)
    {
        var status = snapshot.Reachable switch
        {
            true => "reachable",
            false => "unreachable",
            null => "not probed",
        };
        if (snapshot.Reachable == false)
        {
            _problems.Add(new DoctorProblem("warning", null, endpoint.Name, $"{endpoint.Name} ({DoctorText.Address(endpoint)}) is unreachable: {snapshot.Error}", null));
        }

        if (snapshot.KeyMissing)
        {
            _problems.Add(new DoctorProblem(
                "warning", null, endpoint.Name, $"{endpoint.Name} needs a key in the environment variable {snapshot.KeyVariable}, which is not set", $"set {snapshot.KeyVariable}"));
        }

        var loaded = snapshot.LoadedModels?
            .Where(m => m.ExpiresAt is null || m.ExpiresAt > now)
            .Select(m => new LoadedModelFinding(m.Name, m.SizeVramBytes, m.ExpiresAt))
            .ToList();
        return new EndpointFinding(
            endpoint.Name,
            DoctorText.Provider(endpoint.Provider),
            DoctorText.Address(endpoint),
            endpoint.Cloud,
            status,
            snapshot.Error,
            snapshot.Version,
            snapshot.ModelsPresent,
            loaded,
            snapshot.KeyVariable,
            snapshot.KeyVariable is null ? null : !snapshot.KeyMissing,
            EndpointMode(endpoint)?.Mode.Name(),
            EndpointMode(endpoint)?.HowFound);
    }

    /// <summary>What an OpenAI-compatible server says it is; null for other providers, a host that did not answer, or no client.</summary>
    private async Task<ServerIdentity?> IdentifyAsync(EndpointConfig endpoint, EndpointSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (http is null || endpoint.Provider != ProviderKind.OpenAi || endpoint.FillInTheMiddle is not null || snapshot.Reachable != true || endpoint.Url is null)
        {
            return null;
        }

        return await ServerIdentityProbe.ProbeAsync(http, endpoint.Url, ApiKeySource.Read(endpoint.ApiKeyEnv, readVariable ?? (_ => null)), cancellationToken);
    }

    /// <summary>The endpoint's mode before any model is known: what router.yaml sets, else what its server takes.</summary>
    private FillInTheMiddleChoice? EndpointMode(EndpointConfig endpoint) => endpoint.Provider switch
    {
        _ when endpoint.FillInTheMiddle is { } set => new FillInTheMiddleChoice(set, "set in router.yaml"),
        ProviderKind.Ollama => new FillInTheMiddleChoice(FillInTheMiddleMode.Native, "Ollama's suffix, for models with insert"),
        ProviderKind.OpenAi when _identities.GetValueOrDefault(endpoint.Name) is { } identity =>
            new FillInTheMiddleChoice(identity.Mode, $"{identity.Server}: {identity.Evidence}"),
        ProviderKind.OpenAi => new FillInTheMiddleChoice(FillInTheMiddleMode.Suffix, "server not recognised: suffix until it is rejected"),
        _ => null,
    };

    /// <summary>The mode a completion with <paramref name="model"/> gets there; "none" and "unavailable" mean no fill-in-the-middle.</summary>
    private string? ModelMode(EndpointConfig endpoint, string model, bool? supportsInsert)
    {
        bool hasTemplate = FillInTheMiddleTemplates.ForModel(model) is not null;
        return endpoint.Provider switch
        {
            ProviderKind.Ollama when endpoint.FillInTheMiddle is { } set => set == FillInTheMiddleMode.Template && !hasTemplate ? "unavailable" : set.Name(),
            ProviderKind.Ollama when supportsInsert == false => hasTemplate ? "template" : "unavailable",
            ProviderKind.Ollama => supportsInsert == true ? "native" : null,
            ProviderKind.OpenAi => FillInTheMiddleChooser.Choose(endpoint.FillInTheMiddle, _identities.GetValueOrDefault(endpoint.Name), model) switch
            {
                { Mode: FillInTheMiddleMode.Template } when !hasTemplate => "none",
                var choice => choice.Mode.Name(),
            },
            _ => null,
        };
    }

    private async Task<TierFinding> ExamineAsync(TierConfig tier, Dictionary<string, EndpointSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var name = tier.Tier.Name();
        var hosts = new List<TierHostFinding>();
        var tierProblems = new List<DoctorProblem>();
        foreach (var endpointName in tier.Endpoints)
        {
            if (!config.Endpoints.TryGetValue(endpointName, out var endpoint))
            {
                tierProblems.Add(new DoctorProblem("warning", name, endpointName, $"{name}: endpoint {endpointName} is not defined", null));
                continue;
            }

            var snapshot = snapshots[endpointName];
            hosts.Add(await ExamineHostAsync(tier, endpoint, snapshot, tierProblems, cancellationToken));
        }

        var usable = hosts.Any(h => h.Usable);
        if (!usable)
        {
            var why = hosts.Count == 0
                ? "it has no defined endpoint"
                : string.Join("; ", hosts.Select(h => $"{h.Endpoint}: {Unusable(h, snapshots[h.Endpoint], tier.Model)}"));
            _problems.Add(new DoctorProblem("error", name, null, $"{name} has no usable host for {tier.Model} ({why})", null));
        }

        // The host-level problems of a tier without any usable host are what blocks it: report them as errors.
        _problems.AddRange(usable ? tierProblems : tierProblems.Select(p => p with { Severity = "error" }));
        if (!usable)
        {
            PromoteEndpointProblems(tier.Endpoints);
        }

        return new TierFinding(name, tier.Model, tier.ContextTokens, usable, hosts);
    }

    private async Task<TierHostFinding> ExamineHostAsync(
        TierConfig tier, EndpointConfig endpoint, EndpointSnapshot snapshot, List<DoctorProblem> problems, CancellationToken cancellationToken)
    {
        var name = tier.Tier.Name();
        if (snapshot.Reachable is null)
        {
            return new TierHostFinding(endpoint.Name, "not checked", null, null, null, null, Usable: !snapshot.KeyMissing);
        }

        if (snapshot.Reachable == false)
        {
            return new TierHostFinding(endpoint.Name, "unknown", null, null, null, null, Usable: false);
        }

        var status = await inventory.GetAsync(endpoint, tier.Model, cancellationToken);
        if (status.Present == false)
        {
            problems.Add(Missing(tier, endpoint, snapshot));
            return new TierHostFinding(endpoint.Name, "missing", null, null, null, null, Usable: false);
        }

        var mode = ModelMode(endpoint, tier.Model, status.SupportsInsert);
        if (tier.Tier == config.Routes.Completion && mode is "none" or "unavailable")
        {
            var consequence = mode == "none"
                ? "so completion only continues the text before the cursor"
                : "so completion skips this host";
            problems.Add(new DoctorProblem(
                "warning", name, endpoint.Name,
                $"{name}: {tier.Model} on {endpoint.Name} has no known FIM template and no native fill-in-the-middle, {consequence}",
                "use a coder model (Qwen2.5-Coder, DeepSeek-Coder, StarCoder2, CodeLlama, Codestral) for the completion tier"));
        }
        else if (tier.Tier == config.Routes.Completion && endpoint.Provider == ProviderKind.Ollama && status.SupportsInsert == false)
        {
            problems.Add(new DoctorProblem(
                "warning", name, endpoint.Name,
                $"{name}: {tier.Model} on {endpoint.Name} has no `insert` capability, so completion will use raw FIM prompts and may be worse",
                null));
        }

        if (tier.Tier == Tier.Vision && status.SupportsVision == false)
        {
            problems.Add(new DoctorProblem(
                "warning", name, endpoint.Name, $"{name}: {tier.Model} on {endpoint.Name} does not report `vision`, so it cannot read images", null));
        }

        if (status.ContextTokens is { } hostContext && hostContext < tier.ContextTokens)
        {
            problems.Add(new DoctorProblem(
                "warning", name, endpoint.Name,
                $"{name}: the configuration gives {tier.Model} {tier.ContextTokens} context tokens, but on {endpoint.Name} it has {hostContext}; {hostContext} is used",
                null));
        }

        return new TierHostFinding(
            endpoint.Name, status.Present == true ? "present" : "unknown", status.Loaded, status.SupportsInsert, status.SupportsVision, status.ContextTokens, Usable: status.Present == true, mode);
    }

    private static DoctorProblem Missing(TierConfig tier, EndpointConfig endpoint, EndpointSnapshot snapshot)
    {
        var name = tier.Tier.Name();
        var sameFamily = snapshot.ModelsPresent?
            .Where(m => OllamaModelName.BaseName(m) == OllamaModelName.BaseName(tier.Model))
            .ToList() ?? [];
        var similar = sameFamily.Count == 0 ? "" : $" (it has {string.Join(", ", sameFamily)})";
        return endpoint.Provider == ProviderKind.Ollama
            ? new DoctorProblem("warning", name, endpoint.Name, $"{name}: {tier.Model} is missing on {endpoint.Name} ({DoctorText.Address(endpoint)}){similar}", $"ollama pull {tier.Model}")
            : new DoctorProblem("warning", name, endpoint.Name, $"{name}: {endpoint.Name} ({DoctorText.Address(endpoint)}) does not serve {tier.Model}{similar}; load it in that server", null);
    }

    private static string Unusable(TierHostFinding host, EndpointSnapshot snapshot, string model) => host.Model switch
    {
        "missing" => $"no {model} there",
        "not checked" when snapshot.KeyMissing => $"${snapshot.KeyVariable} is not set",
        _ when snapshot.Reachable == false => "unreachable",
        _ => "cannot tell whether it has the model",
    };

    /// <summary>An unreachable endpoint or a missing key that leaves a tier without any host is an error, not a warning.</summary>
    private void PromoteEndpointProblems(IReadOnlyList<string> endpoints)
    {
        for (var i = 0; i < _problems.Count; i++)
        {
            if (_problems[i] is { Tier: null, Endpoint: { } endpoint, Severity: "warning" } problem && endpoints.Contains(endpoint))
            {
                _problems[i] = problem with { Severity = "error" };
            }
        }
    }

    private static string Summarize(List<EndpointFinding> endpoints, List<TierFinding> tiers, List<DoctorProblem> problems, int unused)
    {
        var usable = tiers.Count(t => t.Usable);
        var probed = endpoints.Where(e => e.Status != "not probed").ToList();
        var reachable = probed.Count(e => e.Status == "reachable");
        var errors = problems.Count(p => p.Severity == "error");
        var warnings = problems.Count - errors + unused;
        var unusable = tiers.Where(t => !t.Usable).Select(t => t.Tier).ToList();
        var verdict = unusable.Count == 0 ? "every tier has a usable host" : $"no usable host for {string.Join(", ", unusable)}";
        return $"{usable} of {tiers.Count} tiers usable, {reachable} of {probed.Count} probed endpoints reachable, "
            + $"{DoctorText.Count(errors, "error")}, {DoctorText.Count(warnings, "warning")}: {verdict}";
    }
}
