using System.Globalization;
using System.Numerics;
using System.Text;
using Router.Core.Requests;

namespace Router.Core.Configuration;

/// <summary>Reads and validates the router's YAML configuration from text; every problem names the file, line and key.</summary>
/// <remarks>
/// Pure: the caller reads the file and supplies the environment lookup, so loading never touches the disk or the process.
/// Unknown keys are warnings (the format may grow); wrong types, unknown tiers, undefined endpoints and looping
/// fallback chains are errors. A cloud endpoint whose key variable is unset is a warning: a dry run still works.
/// </remarks>
public sealed class RouterConfigLoader
{
    /// <summary>Starts the message of the diagnostic given when loading failed in a way the loader does not foresee.</summary>
    internal const string UnforeseenFailure = "the configuration could not be read (an internal error; please report it)";

    private static readonly string[] TopLevelKeys =
        ["endpoints", "tiers", "routes", "fallbacks", "escalation", "continuity", "privacy", "budget", "deadlines", "ledger"];

    // Ranges of the numeric keys. Tokens and turns are ints the policy adds and subtracts (prompt + reserve against a
    // context), so their bounds keep that arithmetic far from overflow while admitting every real model and budget.
    private const int MaxContextTokens = 10_000_000;

    // Far above any machine's GPU memory, far below where bytes overflow a long.
    private const double MaxVramGb = 100_000;
    private const int MaxOutputReserveTokens = 1_000_000;
    private const int MaxContinuityWindow = 100;
    private const double MaxAgeMinutes = 525_600; // a year
    private const double MaxUsdPerMillionTokens = 100_000;

    // Private-path globs are matched against every file a request names: their number and length bound that cost.
    private const int MaxPrivatePaths = 1_000;
    private const int MaxPrivatePathLength = 1_000;

    private readonly Func<string, string?> _environment;
    private readonly ConfigProblems _problems;
    private ConfigNode? _reserveNode;

    private RouterConfigLoader(ConfigProblems problems, Func<string, string?> environment)
    {
        _problems = problems;
        _environment = environment;
    }

    /// <summary>Parses <paramref name="yaml"/> read from <paramref name="fileName"/>; the config is null when there are errors.</summary>
    /// <param name="environment">Looks up environment variables (only to warn about unset API key variables).</param>
    /// <param name="limits">Bounds on size, nesting and aliases; <see cref="ConfigLimits.Default"/> when null.</param>
    public static ConfigLoadResult Load(string yaml, string fileName, Func<string, string?> environment, ConfigLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(environment);

        limits ??= ConfigLimits.Default;
        ConfigProblems problems = new(fileName, limits.MaxDiagnostics);
        if (TooLarge(Encoding.UTF8.GetByteCount(yaml), limits, problems))
        {
            return new ConfigLoadResult(null, problems.ToList());
        }

        return Load(yaml, fault: null, environment, limits, problems);
    }

    /// <summary>Decodes and parses a file's bytes (UTF-8, or UTF-16/32 with a byte order mark); bytes that are not text are
    /// an error at their line, never an exception.</summary>
    public static ConfigLoadResult Load(ReadOnlySpan<byte> bytes, string fileName, Func<string, string?> environment, ConfigLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(environment);

        limits ??= ConfigLimits.Default;
        ConfigProblems problems = new(fileName, limits.MaxDiagnostics);
        if (TooLarge(bytes.Length, limits, problems))
        {
            return new ConfigLoadResult(null, problems.ToList());
        }

        (string text, TextFault? fault) = ConfigText.Decode(bytes);
        return Load(text, fault, environment, limits, problems);
    }

    private static ConfigLoadResult Load(string yaml, TextFault? fault, Func<string, string?> environment, ConfigLimits limits, ConfigProblems problems)
    {
        RouterConfig? config;
        try
        {
            config = new RouterConfigLoader(problems, environment).Read(yaml, fault, limits);
        }
#pragma warning disable CA1031 // The last resort: a fault in the loader itself is a diagnostic, so no edit can stop a running server.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            problems.Error(0, "", $"{UnforeseenFailure}: {ex.GetType().Name}: {ex.Message}");
            config = null;
        }

        return new ConfigLoadResult(problems.HasErrors ? null : config, problems.ToList());
    }

    private static bool TooLarge(long bytes, ConfigLimits limits, ConfigProblems problems)
    {
        if (bytes <= limits.MaxBytes)
        {
            return false;
        }

        problems.Error(0, "", Invariant($"the file is {bytes:N0} bytes; a configuration may be at most {limits.MaxBytes:N0}"));
        return true;
    }

    private RouterConfig? Read(string yaml, TextFault? fault, ConfigLimits limits)
    {
        ConfigMapping? root = Parse(yaml, fault, limits);
        if (root is null)
        {
            return null;
        }

        foreach (ConfigEntry entry in root.Entries)
        {
            if (!TopLevelKeys.Contains(entry.Name, StringComparer.Ordinal))
            {
                Warning(entry.Key, entry.Name, "unknown key is ignored");
            }
        }

        RouterConfig defaults = DefaultRouterConfig.Instance;
        Dictionary<string, EndpointConfig> endpoints = Section(root, "endpoints") is { } endpointsNode
            ? ReadEndpoints(endpointsNode)
            : new Dictionary<string, EndpointConfig>(defaults.Endpoints, StringComparer.Ordinal);
        Dictionary<Tier, TierConfig> tiers = Section(root, "tiers") is { } tiersNode
            ? ReadTiers(tiersNode, endpoints)
            : new Dictionary<Tier, TierConfig>(defaults.Tiers);
        RouteTable routes = Section(root, "routes") is { } routesNode ? ReadRoutes(routesNode, tiers, defaults.Routes) : defaults.Routes;
        Dictionary<Tier, IReadOnlyList<Tier>> fallbacks = Section(root, "fallbacks") is { } fallbacksNode
            ? ReadFallbacks(fallbacksNode)
            : new Dictionary<Tier, IReadOnlyList<Tier>>(defaults.Fallbacks);
        IReadOnlyList<Tier> escalation = root.Find("escalation") is { } escalationNode and not ConfigScalar { IsEmpty: true }
            ? ReadEscalation(escalationNode)
            : defaults.Escalation;
        ContinuityConfig continuity = Section(root, "continuity") is { } continuityNode
            ? ReadContinuity(continuityNode, defaults.Continuity)
            : defaults.Continuity;
        PrivacyConfig privacy = Section(root, "privacy") is { } privacyNode ? ReadPrivacy(privacyNode, defaults.Privacy) : defaults.Privacy;
        BudgetConfig budget = Section(root, "budget") is { } budgetNode ? ReadBudget(budgetNode, defaults.Budget) : defaults.Budget;
        DeadlinesConfig deadlines = Section(root, "deadlines") is { } deadlinesNode ? ReadDeadlines(deadlinesNode, defaults.Deadlines) : defaults.Deadlines;
        LedgerConfig ledger = Section(root, "ledger") is { } ledgerNode ? ReadLedger(ledgerNode, defaults.Ledger) : defaults.Ledger;

        if (Section(root, "tiers") is null && Section(root, "endpoints") is not null)
        {
            foreach (TierConfig tier in tiers.Values)
            {
                foreach (string endpoint in tier.Endpoints.Where(e => !endpoints.ContainsKey(e)))
                {
                    Error(root, "tiers", $"no tiers are defined and the default tier '{tier.Tier.Name()}' uses endpoint '{endpoint}', which is not defined under endpoints");
                }
            }
        }

        foreach (Tier tier in new[] { Tier.Quick, Tier.Code, Tier.Reasoning, Tier.Heavy, Tier.Vision }.Where(t => !tiers.ContainsKey(t)))
        {
            _problems.Warning(0, "tiers", $"tier '{tier.Name()}' is not defined; requests for it go down its fallback chain");
        }

        foreach (TierConfig tier in tiers.Values.Where(t => budget.OutputReserveTokens >= t.ContextTokens))
        {
            _problems.Warning(_reserveNode?.Line ?? 0, "budget.outputReserveTokens", Invariant(
                $"{budget.OutputReserveTokens} tokens kept for the answer leave no room for a prompt in tier '{tier.Tier.Name()}' ({tier.ContextTokens} context tokens)"));
        }

        RouterConfig config = new(_problems.File, endpoints, tiers, routes, fallbacks, escalation, continuity, privacy, budget)
        {
            Deadlines = deadlines,
            Ledger = ledger,
            KeyLines = ConfigKeyLines.Of(root),
        };
        if (!TierNames.All.Any(t => t != Tier.Frontier && config.EndpointsOf(t, localOnly: true).Any()))
        {
            // Private requests need somewhere to go; without a local tier every one of them would fail.
            Error(root, "tiers", "no tier has a local (non-cloud) endpoint, so private requests could go nowhere");
        }

        return config;
    }

    private ConfigMapping? Parse(string yaml, TextFault? fault, ConfigLimits limits)
    {
        switch (BoundedYamlReader.Read(yaml, limits, _problems, fault))
        {
            case null:
                return null;
            case ConfigScalar { IsEmpty: true }:
                _problems.Warning(0, "", "the file is empty; the built-in defaults apply");
                return new ConfigMapping([], 1, 1, 1);
            case ConfigMapping root:
                return root;
            case { } other:
                Error(other, "", $"the file must be a mapping of sections (endpoints, tiers, routes, ...), not {other.Describe()}");
                return null;
        }
    }

    private ConfigMapping? Section(ConfigMapping root, string name)
    {
        switch (root.Find(name))
        {
            case ConfigMapping mapping:
                return mapping;
            case null or ConfigScalar { IsEmpty: true }:
                return null;
            case { } other:
                Error(other, name, $"expected a mapping, got {other.Describe()}");
                return null;
        }
    }

    private Dictionary<string, EndpointConfig> ReadEndpoints(ConfigMapping node)
    {
        Dictionary<string, EndpointConfig> endpoints = new(StringComparer.Ordinal);
        foreach (ConfigEntry entry in node.Entries)
        {
            string name = entry.Name;
            string path = $"endpoints.{name}";
            if (entry.Value is not ConfigMapping fields)
            {
                Error(entry.Value, path, $"expected a mapping with provider and url or apiKeyEnv, got {entry.Value.Describe()}");
                continue;
            }

            WarnUnknownKeys(fields, path, "provider", "url", "apiKeyEnv", "cloud", "fim", "billing", "vramGb");
            ProviderKind? provider = null;
            if (fields.Find("provider") is not { } providerNode)
            {
                Error(fields, $"{path}.provider", "provider is missing (ollama, openai or anthropic)");
            }
            else
            {
                string? kind = Scalar(providerNode, $"{path}.provider");
                provider = kind?.ToUpperInvariant() switch
                {
                    "OLLAMA" => ProviderKind.Ollama,
                    "OPENAI" or "OPENAI-COMPATIBLE" => ProviderKind.OpenAi,
                    "ANTHROPIC" => ProviderKind.Anthropic,
                    _ => null,
                };
                if (provider is null && kind is not null)
                {
                    Error(providerNode, $"{path}.provider", $"unknown provider '{Excerpt(kind)}' (ollama, openai or anthropic)");
                }
            }

            Uri? url = null;
            if (fields.Find("url") is { } urlNode)
            {
                string? text = Scalar(urlNode, $"{path}.url");
                if (text is not null
                    && (!Uri.TryCreate(text, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
                {
                    Error(urlNode, $"{path}.url", $"'{Excerpt(text)}' is not an http or https URL");
                    url = null;
                }
            }
            else if (provider == ProviderKind.Ollama)
            {
                Error(fields, $"{path}.url", "an ollama endpoint needs a url");
            }

            string? apiKeyEnv = fields.Find("apiKeyEnv") is { } apiKeyNode ? Scalar(apiKeyNode, $"{path}.apiKeyEnv") : null;
            // An Ollama endpoint that needs a key is Ollama's cloud (or a host like it): cloud unless router.yaml says otherwise.
            bool cloud = fields.Find("cloud") is { } cloudNode
                ? Bool(cloudNode, $"{path}.cloud") ?? false
                : IsCloudByDefault(provider, url) || (provider == ProviderKind.Ollama && !string.IsNullOrWhiteSpace(apiKeyEnv));
            if (provider == ProviderKind.Ollama && cloud && !string.IsNullOrWhiteSpace(apiKeyEnv) && string.IsNullOrEmpty(_environment(apiKeyEnv)))
            {
                Warning(fields.Find("apiKeyEnv")!, $"{path}.apiKeyEnv", $"environment variable {Excerpt(apiKeyEnv)} is not set; the endpoint will be unavailable at run time");
            }

            Billing? billing = null;
            if (fields.Find("billing") is { } billingNode && Scalar(billingNode, $"{path}.billing") is { } billingText)
            {
                if (BillingNames.TryParse(billingText, out Billing? parsed))
                {
                    billing = parsed;
                }
                else
                {
                    Error(billingNode, $"{path}.billing", $"unknown billing '{Excerpt(billingText)}' ({BillingNames.Listing})");
                }
            }

            if (cloud && provider is ProviderKind.OpenAi or ProviderKind.Anthropic)
            {
                if (string.IsNullOrWhiteSpace(apiKeyEnv))
                {
                    Warning(fields, $"{path}.apiKeyEnv", "cloud endpoint has no apiKeyEnv; it will be unavailable at run time");
                }
                else if (string.IsNullOrEmpty(_environment(apiKeyEnv)))
                {
                    Warning(fields.Find("apiKeyEnv")!, $"{path}.apiKeyEnv", $"environment variable {Excerpt(apiKeyEnv)} is not set; the endpoint will be unavailable at run time");
                }
            }

            FillInTheMiddleMode? fim = fields.Find("fim") is { } fimNode ? FillInTheMiddle(fimNode, $"{path}.fim", provider) : null;
            double? vram = fields.Find("vramGb") is { } vramNode ? Number(vramNode, $"{path}.vramGb", 0.1, MaxVramGb) : null;
            if (provider is { } known)
            {
                endpoints[name] = new EndpointConfig(name, known, url, apiKeyEnv, cloud) { FillInTheMiddle = fim, DeclaredBilling = billing, VramGb = vram };
            }
        }

        return endpoints;
    }

    /// <summary>An endpoint's <c>fim:</c> mode; an unknown name, or a mode its provider cannot speak, is an error.</summary>
    private FillInTheMiddleMode? FillInTheMiddle(ConfigNode node, string path, ProviderKind? provider)
    {
        string? text = Scalar(node, path);
        if (text is null)
        {
            return null;
        }

        if (!FillInTheMiddleModeNames.TryParse(text, out FillInTheMiddleMode? mode))
        {
            Error(node, path, $"unknown fill-in-the-middle mode '{Excerpt(text)}' ({string.Join(", ", FillInTheMiddleModeNames.All)})");
            return null;
        }

        string? refusal = (provider, mode) switch
        {
            (ProviderKind.Anthropic, not null) => "an anthropic endpoint has no completions API, so it never fills in the middle; remove fim",
            (ProviderKind.Ollama, FillInTheMiddleMode.Suffix or FillInTheMiddleMode.Infill or FillInTheMiddleMode.FimEndpoint) =>
                $"an ollama endpoint fills in the middle with native, template or none, not {mode.Value.Name()}",
            (ProviderKind.OpenAi, FillInTheMiddleMode.Native) => "native is Ollama's suffix; an openai endpoint takes suffix, template, infill, fim-endpoint or none",
            _ => null,
        };
        if (refusal is not null)
        {
            Error(node, path, refusal);
            return null;
        }

        return mode;
    }

    // Safe default: a hosted API is cloud unless it points at this machine or a private network.
    internal static bool IsCloudByDefault(ProviderKind? provider, Uri? url)
    {
        if (url is null)
        {
            return provider is ProviderKind.OpenAi or ProviderKind.Anthropic;
        }

        string host = url.Host;
        bool local = url.IsLoopback
            || !host.Contains('.', StringComparison.Ordinal)
            || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".lan", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".home.arpa", StringComparison.OrdinalIgnoreCase)
            || host.StartsWith("10.", StringComparison.Ordinal)
            || host.StartsWith("192.168.", StringComparison.Ordinal)
            || IsPrivate172(host);
        return provider == ProviderKind.Ollama ? host.EndsWith("ollama.com", StringComparison.OrdinalIgnoreCase) : !local;
    }

    private static bool IsPrivate172(string host)
    {
        string[] parts = host.Split('.');
        return parts.Length == 4 && parts[0] == "172"
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int second)
            && second is >= 16 and <= 31;
    }

    private Dictionary<Tier, TierConfig> ReadTiers(ConfigMapping node, Dictionary<string, EndpointConfig> endpoints)
    {
        Dictionary<Tier, TierConfig> tiers = [];
        foreach (ConfigEntry entry in node.Entries)
        {
            string name = entry.Name;
            string path = $"tiers.{name}";
            if (!TierNames.TryParse(name, out Tier? parsed))
            {
                Error(entry.Key, path, $"unknown tier '{Excerpt(name)}' (tiers are {TierNames.Listing})");
                continue;
            }

            Tier tier = parsed.Value;
            if (entry.Value is not ConfigMapping fields)
            {
                Error(entry.Value, path, $"expected a mapping with model, endpoints and contextTokens, got {entry.Value.Describe()}");
                continue;
            }

            WarnUnknownKeys(fields, path, "model", "endpoints", "contextTokens", "usdPerMillionInput", "usdPerMillionOutput");
            string? model = fields.Find("model") is { } modelNode ? Scalar(modelNode, $"{path}.model") : null;
            if (string.IsNullOrWhiteSpace(model) && fields.Find("model") is null or ConfigScalar)
            {
                Error(fields.Find("model") ?? fields, $"{path}.model", "a tier needs a model");
            }

            List<string> tierEndpoints = [];
            if (fields.Find("endpoints") is { } endpointsNode)
            {
                foreach ((ConfigNode item, string itemPath) in Items(endpointsNode, $"{path}.endpoints"))
                {
                    string? endpoint = Scalar(item, itemPath);
                    if (endpoint is null)
                    {
                        continue;
                    }

                    if (string.IsNullOrWhiteSpace(endpoint))
                    {
                        Error(item, itemPath, "expected an endpoint name");
                    }
                    else if (!endpoints.ContainsKey(endpoint))
                    {
                        Error(item, itemPath, $"endpoint '{Excerpt(endpoint)}' is not defined under endpoints");
                    }
                    else
                    {
                        tierEndpoints.Add(endpoint);
                    }
                }
            }

            if (tierEndpoints.Count == 0 && fields.Find("endpoints") is null)
            {
                Warning(fields, $"{path}.endpoints", "no endpoints: the tier is not configured and will not be used");
            }

            int context = fields.Find("contextTokens") is { } contextNode
                ? Int(contextNode, $"{path}.contextTokens", 1, MaxContextTokens) ?? DefaultContextTokens(tier)
                : DefaultContextTokens(tier);
            double input = fields.Find("usdPerMillionInput") is { } inNode
                ? Number(inNode, $"{path}.usdPerMillionInput", 0, MaxUsdPerMillionTokens) ?? 0
                : 0;
            double output = fields.Find("usdPerMillionOutput") is { } outNode
                ? Number(outNode, $"{path}.usdPerMillionOutput", 0, MaxUsdPerMillionTokens) ?? 0
                : 0;
            tiers[tier] = new TierConfig(tier, model ?? "", tierEndpoints, context, input, output);
        }

        return tiers;
    }

    /// <summary>A tier's context size when router.yaml gives it none.</summary>
    public static int DefaultContextTokens(Tier tier) => tier switch
    {
        Tier.Quick or Tier.Vision => 8192,
        Tier.Code or Tier.Reasoning => 16384,
        Tier.Heavy => 32768,
        _ => 200000,
    };

    private RouteTable ReadRoutes(ConfigMapping node, Dictionary<Tier, TierConfig> tiers, RouteTable defaults)
    {
        WarnUnknownKeys(node, "routes", "completion", "explain", "refactor", "refactorWide", "chat");
        return new RouteTable(
            Route("completion", defaults.Completion),
            Route("explain", defaults.Explain),
            Route("refactor", defaults.Refactor),
            Route("refactorWide", defaults.RefactorWide),
            Route("chat", defaults.Chat));

        Tier Route(string key, Tier fallback)
        {
            if (node.Find(key) is not { } value)
            {
                return fallback;
            }

            string path = $"routes.{key}";
            if (Scalar(value, path) is not { } name)
            {
                return fallback;
            }

            if (!TierNames.TryParse(name, out Tier? tier))
            {
                Error(value, path, $"unknown tier '{Excerpt(name)}' (tiers are {TierNames.Listing})");
                return fallback;
            }

            // An unconfigured frontier is a normal state (wide refactors then stay on heavy); any other tier must exist.
            if (tier != Tier.Frontier && !tiers.ContainsKey(tier.Value))
            {
                Error(value, path, $"tier '{tier.Value.Name()}' is not defined under tiers");
            }

            return tier.Value;
        }
    }

    private Dictionary<Tier, IReadOnlyList<Tier>> ReadFallbacks(ConfigMapping node)
    {
        Dictionary<Tier, IReadOnlyList<Tier>> fallbacks = [];
        Dictionary<(Tier From, Tier To), ConfigNode> edges = [];
        foreach (ConfigEntry entry in node.Entries)
        {
            string name = entry.Name;
            string path = $"fallbacks.{name}";
            if (!TierNames.TryParse(name, out Tier? from))
            {
                Error(entry.Key, path, $"unknown tier '{Excerpt(name)}' (tiers are {TierNames.Listing})");
                continue;
            }

            List<Tier> chain = [];
            foreach ((ConfigNode item, string itemPath) in Items(entry.Value, path))
            {
                if (Scalar(item, itemPath) is not { } target)
                {
                    continue;
                }

                if (!TierNames.TryParse(target, out Tier? to))
                {
                    Error(item, itemPath, $"unknown tier '{Excerpt(target)}' (tiers are {TierNames.Listing})");
                }
                else if (to == from)
                {
                    Error(item, itemPath, $"fallback chain loops: '{Excerpt(name)}' falls back to itself");
                }
                else if (!chain.Contains(to.Value))
                {
                    chain.Add(to.Value);
                    edges[(from.Value, to.Value)] = item;
                }
            }

            fallbacks[from.Value] = chain;
        }

        ReportLoops(fallbacks, edges);
        return fallbacks;
    }

    private void ReportLoops(Dictionary<Tier, IReadOnlyList<Tier>> fallbacks, Dictionary<(Tier From, Tier To), ConfigNode> edges)
    {
        HashSet<(Tier, Tier)> reported = [];
        foreach (Tier start in fallbacks.Keys)
        {
            List<Tier> path = [start];
            Walk(start);

            void Walk(Tier current)
            {
                foreach (Tier next in fallbacks.TryGetValue(current, out IReadOnlyList<Tier>? chain) ? chain : [])
                {
                    if (next == start)
                    {
                        if (reported.Add((current, next)))
                        {
                            string loop = string.Join(" -> ", path.Append(next).Select(t => t.Name()));
                            Error(edges[(current, next)], $"fallbacks.{current.Name()}", $"fallback chain loops: {loop}");
                        }
                    }
                    else if (!path.Contains(next))
                    {
                        path.Add(next);
                        Walk(next);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }
    }

    private List<Tier> ReadEscalation(ConfigNode node)
    {
        List<Tier> order = [];
        foreach ((ConfigNode item, string itemPath) in Items(node, "escalation"))
        {
            if (Scalar(item, itemPath) is not { } name)
            {
                continue;
            }

            if (!TierNames.TryParse(name, out Tier? tier))
            {
                Error(item, itemPath, $"unknown tier '{Excerpt(name)}' (tiers are {TierNames.Listing})");
            }
            else if (order.Contains(tier.Value))
            {
                Error(item, itemPath, $"tier '{tier.Value.Name()}' appears twice in the escalation order");
            }
            else
            {
                order.Add(tier.Value);
            }
        }

        return order;
    }

    private ContinuityConfig ReadContinuity(ConfigMapping node, ContinuityConfig defaults)
    {
        WarnUnknownKeys(node, "continuity", "window", "minCodeTurns", "maxAgeMinutes");
        int window = node.Find("window") is { } w ? Int(w, "continuity.window", 1, MaxContinuityWindow) ?? defaults.Window : defaults.Window;
        int min = node.Find("minCodeTurns") is { } m
            ? Int(m, "continuity.minCodeTurns", 1, MaxContinuityWindow) ?? defaults.MinCodeTurns
            : defaults.MinCodeTurns;
        double age = node.Find("maxAgeMinutes") is { } a
            ? Number(a, "continuity.maxAgeMinutes", 0, MaxAgeMinutes) ?? defaults.MaxAgeMinutes
            : defaults.MaxAgeMinutes;
        if (min > window)
        {
            Error(node.Find("minCodeTurns") ?? node, "continuity.minCodeTurns", Invariant($"must not exceed window ({window})"));
        }

        return new ContinuityConfig(window, min, age);
    }

    private PrivacyConfig ReadPrivacy(ConfigMapping node, PrivacyConfig defaults)
    {
        WarnUnknownKeys(node, "privacy", "mode", "privatePaths", "imagesToCloud");
        PrivacyMode mode = defaults.Mode;
        if (node.Find("mode") is { } modeNode && Scalar(modeNode, "privacy.mode") is { } name)
        {
            switch (name.ToUpperInvariant())
            {
                case "AUTO":
                    mode = PrivacyMode.Auto;
                    break;
                case "LOCAL-ONLY" or "LOCALONLY" or "LOCAL_ONLY":
                    mode = PrivacyMode.LocalOnly;
                    break;
                default:
                    Error(modeNode, "privacy.mode", $"unknown mode '{Excerpt(name)}' (auto or local-only)");
                    break;
            }
        }

        IReadOnlyList<string> paths = defaults.PrivatePaths;
        if (node.Find("privatePaths") is { } pathsNode)
        {
            List<string> globs = [];
            foreach ((ConfigNode item, string itemPath) in Items(pathsNode, "privacy.privatePaths"))
            {
                if (item is not ConfigScalar { IsEmpty: false } glob)
                {
                    Error(item, itemPath, $"expected a path glob, got {item.Describe()}");
                }
                else if (globs.Count == MaxPrivatePaths)
                {
                    Error(item, itemPath, Invariant($"more than {MaxPrivatePaths} globs; every file a request names is checked against each"));
                    break;
                }
                else if (PrivatePathGlobOrError(glob, itemPath) is { } checkedGlob)
                {
                    globs.Add(checkedGlob);
                }
            }

            paths = globs;
        }

        bool imagesToCloud = node.Find("imagesToCloud") is { } imagesNode
            ? Bool(imagesNode, "privacy.imagesToCloud") ?? defaults.ImagesToCloud
            : defaults.ImagesToCloud;
        return new PrivacyConfig(mode, paths) { ImagesToCloud = imagesToCloud };
    }

    // "**/**" means the same as "**" and is folded into it, so the configuration in force reads as simply as it can.
    private string? PrivatePathGlobOrError(ConfigScalar glob, string path)
    {
        if (glob.Value.Length > MaxPrivatePathLength)
        {
            Error(glob, path, Invariant($"a glob of {glob.Value.Length:N0} characters is longer than {MaxPrivatePathLength:N0}"));
            return null;
        }

        // The matcher reads \ as /, so the folded glob means what the written one does.
        string[] segments = glob.Value.Replace('\\', '/').Split('/');
        string[] folded = [.. segments.Where((segment, i) => !(segment == "**" && i > 0 && segments[i - 1] == "**"))];
        return folded.Length == segments.Length ? glob.Value : string.Join('/', folded);
    }

    private BudgetConfig ReadBudget(ConfigMapping node, BudgetConfig defaults)
    {
        WarnUnknownKeys(node, "budget", "preset", "dailyUsd", "monthlyUsd", "outputReserveTokens");
        BudgetPreset? preset = null;
        if (node.Find("preset") is { } presetNode && Scalar(presetNode, "budget.preset") is { } presetName)
        {
            preset = BudgetPreset.All.FirstOrDefault(p => string.Equals(p.Name, presetName.Trim(), StringComparison.OrdinalIgnoreCase));
            if (preset is null)
            {
                Error(presetNode, "budget.preset", $"unknown budget preset '{Excerpt(presetName)}' ({BudgetPreset.Listing})");
            }
        }

        double dailyDefault = preset?.DailyUsd ?? defaults.DailyUsd;
        double daily = node.Find("dailyUsd") is { } d ? Number(d, "budget.dailyUsd", 0, BudgetConfig.MaxDailyUsd) ?? dailyDefault : dailyDefault;
        double? monthly = node.Find("monthlyUsd") is { } m
            ? Number(m, "budget.monthlyUsd", 0, BudgetConfig.MaxMonthlyUsd) ?? preset?.MonthlyUsd
            : preset?.MonthlyUsd ?? defaults.MonthlyUsd;
        _reserveNode = node.Find("outputReserveTokens");
        int reserve = _reserveNode is { } r
            ? Int(r, "budget.outputReserveTokens", 0, MaxOutputReserveTokens) ?? defaults.OutputReserveTokens
            : defaults.OutputReserveTokens;
        return new BudgetConfig(daily, reserve)
        {
            MonthlyUsd = monthly,
            Preset = preset?.Name,
            FallbackBilling = preset?.FallbackBilling,
            EscalationBilling = preset?.EscalationBilling,
        };
    }

    private LedgerConfig ReadLedger(ConfigMapping node, LedgerConfig defaults)
    {
        WarnUnknownKeys(node, "ledger", "retentionDays", "provider", "connectionEnv", "shareNames");
        int days = node.Find("retentionDays") is { } r
            ? Int(r, "ledger.retentionDays", 1, LedgerConfig.MaxRetentionDays) ?? defaults.RetentionDays
            : defaults.RetentionDays;
        LedgerProvider provider = defaults.Provider;
        if (node.Find("provider") is { } providerNode && Scalar(providerNode, "ledger.provider") is { } providerText)
        {
            switch (providerText.Trim().ToUpperInvariant())
            {
                case "SQLITE":
                    provider = LedgerProvider.Sqlite;
                    break;
                case "POSTGRES" or "POSTGRESQL":
                    provider = LedgerProvider.Postgres;
                    break;
                default:
                    Error(providerNode, "ledger.provider", $"unknown ledger provider '{Excerpt(providerText)}' (sqlite, postgres)");
                    break;
            }
        }

        string? connectionEnv = defaults.ConnectionEnv;
        if (node.Find("connectionEnv") is { } envNode && Scalar(envNode, "ledger.connectionEnv") is { } envText)
        {
            // A value that looks like a connection string is never echoed: it may hold a password.
            if (envText.Contains('=', StringComparison.Ordinal) || envText.Contains("://", StringComparison.Ordinal) || envText.Contains(' ', StringComparison.Ordinal))
            {
                Error(envNode, "ledger.connectionEnv", "must name an environment variable (e.g. ROUTER_LEDGER_URL), not hold the connection string; put the string in that variable");
            }
            else
            {
                connectionEnv = envText.Trim();
            }
        }

        // A refused connectionEnv has its own error already; the checks below are for one that is missing or unset.
        bool connectionEnvRefused = node.Find("connectionEnv") is not null && connectionEnv is null;
        if (provider == LedgerProvider.Postgres && !connectionEnvRefused)
        {
            if (string.IsNullOrWhiteSpace(connectionEnv))
            {
                Error(node.Find("provider") ?? node, "ledger.connectionEnv", "provider postgres needs connectionEnv, the environment variable holding the connection string");
            }
            else if (string.IsNullOrEmpty(_environment(connectionEnv)))
            {
                Error(node.Find("connectionEnv") ?? node, "ledger.connectionEnv", $"environment variable {Excerpt(connectionEnv)} is not set; it must hold the PostgreSQL connection string");
            }
        }

        bool shareNames = node.Find("shareNames") is { } shareNode ? Bool(shareNode, "ledger.shareNames") ?? defaults.ShareNames : defaults.ShareNames;
        return new LedgerConfig(days) { Provider = provider, ConnectionEnv = connectionEnv, ShareNames = shareNames };
    }

    private DeadlinesConfig ReadDeadlines(ConfigMapping node, DeadlinesConfig defaults)
    {
        WarnUnknownKeys(node, "deadlines", "completionMs", "firstTokenSeconds", "loadSeconds", "refactorSeconds");
        TimeSpan completion = Duration(node, "completionMs", 100, 60_000, TimeSpan.FromMilliseconds) ?? defaults.Completion;
        TimeSpan firstToken = Duration(node, "firstTokenSeconds", 1, 3600, TimeSpan.FromSeconds) ?? defaults.FirstToken;
        TimeSpan load = Duration(node, "loadSeconds", 1, 3600, TimeSpan.FromSeconds) ?? defaults.Load;
        TimeSpan refactor = Duration(node, "refactorSeconds", 1, 3600, TimeSpan.FromSeconds) ?? defaults.Refactor;
        if (load < firstToken)
        {
            Error(node.Find("loadSeconds") ?? node, "deadlines.loadSeconds", "must not be shorter than firstTokenSeconds (a load waits longer, not shorter)");
        }

        return new DeadlinesConfig(completion, firstToken, load, refactor);
    }

    /// <summary>A <c>deadlines</c> entry within its bounds; null (with an error) when it is not, or when it is absent.</summary>
    private TimeSpan? Duration(ConfigMapping node, string key, double minimum, double maximum, Func<double, TimeSpan> toSpan) =>
        node.Find(key) is { } value && Number(value, $"deadlines.{key}", minimum, maximum) is { } number ? toSpan(number) : null;

    private IEnumerable<(ConfigNode Item, string Path)> Items(ConfigNode node, string path)
    {
        switch (node)
        {
            case ConfigSequence sequence:
                for (int i = 0; i < sequence.Items.Count; i++)
                {
                    yield return (sequence.Items[i], Invariant($"{path}[{i}]"));
                }

                break;
            case ConfigScalar { IsEmpty: true }:
                break;
            case ConfigScalar scalar:
                // A single name where a list is expected is read as a one-item list.
                yield return (scalar, path);
                break;
            default:
                Error(node, path, $"expected a list, got {node.Describe()}");
                break;
        }
    }

    private void WarnUnknownKeys(ConfigMapping node, string path, params string[] known)
    {
        foreach (ConfigEntry entry in node.Entries)
        {
            if (!known.Contains(entry.Name, StringComparer.Ordinal))
            {
                Warning(entry.Key, $"{path}.{entry.Name}", "unknown key is ignored");
            }
        }
    }

    private string? Scalar(ConfigNode node, string path)
    {
        if (node is ConfigScalar scalar)
        {
            return scalar.Value;
        }

        Error(node, path, $"expected a single value, got {node.Describe()}");
        return null;
    }

    private int? Int(ConfigNode node, string path, int minimum, int maximum)
    {
        if (Scalar(node, path) is not { } text)
        {
            return null;
        }

        if (!BigInteger.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out BigInteger value))
        {
            Error(node, path, $"expected a whole number, got '{Excerpt(text)}'");
            return null;
        }

        if (value < minimum || value > maximum)
        {
            Error(node, path, OutOfRange(text, value < minimum, minimum, maximum));
            return null;
        }

        return (int)value;
    }

    private double? Number(ConfigNode node, string path, double minimum, double maximum)
    {
        if (Scalar(node, path) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            Error(node, path, $"expected a number, got '{Excerpt(text)}'");
            return null;
        }

        if (value < minimum || value > maximum)
        {
            Error(node, path, OutOfRange(text, value < minimum, minimum, maximum));
            return null;
        }

        return value;
    }

    private static string OutOfRange(string text, bool below, double minimum, double maximum) => below
        ? Invariant($"must be at least {minimum:#,0.##}, got {Excerpt(text)}")
        : Invariant($"must be at most {maximum:#,0.##}, got {Excerpt(text)}");

    private bool? Bool(ConfigNode node, string path)
    {
        if (Scalar(node, path) is not { } text)
        {
            return null;
        }

        switch (text.ToUpperInvariant())
        {
            case "TRUE" or "YES" or "ON":
                return true;
            case "FALSE" or "NO" or "OFF":
                return false;
            default:
                Error(node, path, $"expected true or false, got '{Excerpt(text)}'");
                return null;
        }
    }

    private void Error(ConfigNode node, string key, string message) => _problems.Error(node.Line, key, message);

    private void Warning(ConfigNode node, string key, string message) => _problems.Warning(node.Line, key, message);

    private static string Excerpt(string value) => ConfigText.Excerpt(value);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
