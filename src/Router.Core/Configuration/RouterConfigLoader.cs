using System.Globalization;
using Router.Core.Requests;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Router.Core.Configuration;

/// <summary>Reads and validates the router's YAML configuration from text; every problem names the file, line and key.</summary>
/// <remarks>
/// Pure: the caller reads the file and supplies the environment lookup, so loading never touches the disk or the process.
/// Unknown keys are warnings (the format may grow); wrong types, unknown tiers, undefined endpoints and looping
/// fallback chains are errors. A cloud endpoint whose key variable is unset is a warning: a dry run still works.
/// </remarks>
public sealed class RouterConfigLoader
{
    private static readonly string[] TopLevelKeys =
        ["endpoints", "tiers", "routes", "fallbacks", "escalation", "continuity", "privacy", "budget", "deadlines"];

    private readonly string _file;
    private readonly Func<string, string?> _environment;
    private readonly List<ConfigDiagnostic> _diagnostics = [];

    private RouterConfigLoader(string file, Func<string, string?> environment)
    {
        _file = file;
        _environment = environment;
    }

    /// <summary>Parses <paramref name="yaml"/> read from <paramref name="fileName"/>; the config is null when there are errors.</summary>
    /// <param name="environment">Looks up environment variables (only to warn about unset API key variables).</param>
    public static ConfigLoadResult Load(string yaml, string fileName, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(environment);

        RouterConfigLoader loader = new(fileName, environment);
        RouterConfig? config = loader.Read(yaml);
        bool failed = loader._diagnostics.Exists(d => d.IsError);
        return new ConfigLoadResult(failed ? null : config, loader._diagnostics.ToArray());
    }

    private RouterConfig? Read(string yaml)
    {
        YamlMappingNode? root = Parse(yaml);
        if (root is null)
        {
            return null;
        }

        foreach ((YamlNode key, _) in root.Children)
        {
            string name = KeyName(key);
            if (!TopLevelKeys.Contains(name, StringComparer.Ordinal))
            {
                Warning(key, name, "unknown key is ignored");
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
        IReadOnlyList<Tier> escalation = Find(root, "escalation") is { } escalationNode and not YamlScalarNode { Value: null or "" }
            ? ReadEscalation(escalationNode)
            : defaults.Escalation;
        ContinuityConfig continuity = Section(root, "continuity") is { } continuityNode
            ? ReadContinuity(continuityNode, defaults.Continuity)
            : defaults.Continuity;
        PrivacyConfig privacy = Section(root, "privacy") is { } privacyNode ? ReadPrivacy(privacyNode, defaults.Privacy) : defaults.Privacy;
        BudgetConfig budget = Section(root, "budget") is { } budgetNode ? ReadBudget(budgetNode, defaults.Budget) : defaults.Budget;
        DeadlinesConfig deadlines = Section(root, "deadlines") is { } deadlinesNode ? ReadDeadlines(deadlinesNode, defaults.Deadlines) : defaults.Deadlines;

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
            _diagnostics.Add(new ConfigDiagnostic(ConfigSeverity.Warning, _file, 0, "tiers",
                $"tier '{tier.Name()}' is not defined; requests for it go down its fallback chain"));
        }

        RouterConfig config = new(_file, endpoints, tiers, routes, fallbacks, escalation, continuity, privacy, budget) { Deadlines = deadlines };
        if (!TierNames.All.Any(t => t != Tier.Frontier && config.EndpointsOf(t, localOnly: true).Any()))
        {
            // Private requests need somewhere to go; without a local tier every one of them would fail.
            Error(root, "tiers", "no tier has a local (non-cloud) endpoint, so private requests could go nowhere");
        }

        return config;
    }

    private YamlMappingNode? Parse(string yaml)
    {
        YamlStream stream = [];
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            _diagnostics.Add(new ConfigDiagnostic(ConfigSeverity.Error, _file, ex.Start.Line, "", $"not valid YAML: {YamlMessage(ex)}"));
            return null;
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet reports a key given twice in one mapping as an ArgumentException without a position.
            _diagnostics.Add(new ConfigDiagnostic(ConfigSeverity.Error, _file, 0, "", $"not valid YAML: {ex.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            _diagnostics.Add(new ConfigDiagnostic(ConfigSeverity.Warning, _file, 0, "", "the file is empty; the built-in defaults apply"));
            return [];
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents[0].RootNode, "", "the file must be a mapping of sections (endpoints, tiers, routes, ...)");
            return null;
        }

        return root;
    }

    private static string YamlMessage(YamlException ex)
    {
        // "(Line: 3, Col: 1, Idx: 20) - (Line: 3, Col: 2, Idx: 21): While parsing ..." -> "While parsing ...".
        string message = ex.Message;
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    private YamlMappingNode? Section(YamlMappingNode root, string name)
    {
        foreach ((YamlNode key, YamlNode value) in root.Children)
        {
            if (KeyName(key) != name)
            {
                continue;
            }

            if (value is YamlMappingNode mapping)
            {
                return mapping;
            }

            if (value is YamlScalarNode { Value: null or "" })
            {
                return null;
            }

            Error(value, name, "expected a mapping");
            return null;
        }

        return null;
    }

    private Dictionary<string, EndpointConfig> ReadEndpoints(YamlMappingNode node)
    {
        Dictionary<string, EndpointConfig> endpoints = new(StringComparer.Ordinal);
        foreach ((YamlNode keyNode, YamlNode value) in node.Children)
        {
            string name = KeyName(keyNode);
            string path = $"endpoints.{name}";
            if (value is not YamlMappingNode fields)
            {
                Error(value, path, "expected a mapping with provider and url or apiKeyEnv");
                continue;
            }

            WarnUnknownKeys(fields, path, "provider", "url", "apiKeyEnv", "cloud");
            ProviderKind? provider = null;
            if (Find(fields, "provider") is not { } providerNode)
            {
                Error(fields, path, "provider is missing (ollama, openai or anthropic)");
            }
            else
            {
                provider = Scalar(providerNode)?.ToUpperInvariant() switch
                {
                    "OLLAMA" => ProviderKind.Ollama,
                    "OPENAI" or "OPENAI-COMPATIBLE" => ProviderKind.OpenAi,
                    "ANTHROPIC" => ProviderKind.Anthropic,
                    _ => null,
                };
                if (provider is null)
                {
                    Error(providerNode, $"{path}.provider", $"unknown provider '{Scalar(providerNode)}' (ollama, openai or anthropic)");
                }
            }

            Uri? url = null;
            if (Find(fields, "url") is { } urlNode)
            {
                string? text = Scalar(urlNode);
                if (!Uri.TryCreate(text, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    Error(urlNode, $"{path}.url", $"'{text}' is not an http or https URL");
                    url = null;
                }
            }
            else if (provider == ProviderKind.Ollama)
            {
                Error(fields, path, "an ollama endpoint needs a url");
            }

            string? apiKeyEnv = Find(fields, "apiKeyEnv") is { } apiKeyNode ? Scalar(apiKeyNode) : null;
            bool cloud = Find(fields, "cloud") is { } cloudNode
                ? Bool(cloudNode, $"{path}.cloud") ?? false
                : IsCloudByDefault(provider, url);

            if (cloud && provider is ProviderKind.OpenAi or ProviderKind.Anthropic)
            {
                if (string.IsNullOrWhiteSpace(apiKeyEnv))
                {
                    Warning(fields, path, "cloud endpoint has no apiKeyEnv; it will be unavailable at run time");
                }
                else if (string.IsNullOrEmpty(_environment(apiKeyEnv)))
                {
                    Warning(Find(fields, "apiKeyEnv")!, $"{path}.apiKeyEnv", $"environment variable {apiKeyEnv} is not set; the endpoint will be unavailable at run time");
                }
            }

            if (provider is { } kind)
            {
                endpoints[name] = new EndpointConfig(name, kind, url, apiKeyEnv, cloud);
            }
        }

        return endpoints;
    }

    // Safe default: a hosted API is cloud unless it points at this machine or a private network.
    private static bool IsCloudByDefault(ProviderKind? provider, Uri? url)
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

    private Dictionary<Tier, TierConfig> ReadTiers(YamlMappingNode node, Dictionary<string, EndpointConfig> endpoints)
    {
        Dictionary<Tier, TierConfig> tiers = [];
        foreach ((YamlNode keyNode, YamlNode value) in node.Children)
        {
            string name = KeyName(keyNode);
            string path = $"tiers.{name}";
            if (!TierNames.TryParse(name, out Tier? parsed))
            {
                Error(keyNode, path, $"unknown tier '{name}' (tiers are {TierNames.Listing})");
                continue;
            }

            Tier tier = parsed.Value;
            if (value is not YamlMappingNode fields)
            {
                Error(value, path, "expected a mapping with model, endpoints and contextTokens");
                continue;
            }

            WarnUnknownKeys(fields, path, "model", "endpoints", "contextTokens", "usdPerMillionInput", "usdPerMillionOutput");
            string? model = Find(fields, "model") is { } modelNode ? Scalar(modelNode) : null;
            if (string.IsNullOrWhiteSpace(model))
            {
                Error(Find(fields, "model") ?? fields, $"{path}.model", "a tier needs a model");
            }

            List<string> tierEndpoints = [];
            if (Find(fields, "endpoints") is { } endpointsNode)
            {
                foreach ((YamlNode item, string itemPath) in Items(endpointsNode, $"{path}.endpoints"))
                {
                    string? endpoint = Scalar(item);
                    if (string.IsNullOrWhiteSpace(endpoint))
                    {
                        Error(item, itemPath, "expected an endpoint name");
                    }
                    else if (!endpoints.ContainsKey(endpoint))
                    {
                        Error(item, itemPath, $"endpoint '{endpoint}' is not defined under endpoints");
                    }
                    else
                    {
                        tierEndpoints.Add(endpoint);
                    }
                }
            }

            if (tierEndpoints.Count == 0 && Find(fields, "endpoints") is null)
            {
                Warning(fields, $"{path}.endpoints", "no endpoints: the tier is not configured and will not be used");
            }

            int context = Find(fields, "contextTokens") is { } contextNode
                ? Int(contextNode, $"{path}.contextTokens", minimum: 1) ?? DefaultContext(tier)
                : DefaultContext(tier);
            double input = Find(fields, "usdPerMillionInput") is { } inNode ? Number(inNode, $"{path}.usdPerMillionInput", 0) ?? 0 : 0;
            double output = Find(fields, "usdPerMillionOutput") is { } outNode ? Number(outNode, $"{path}.usdPerMillionOutput", 0) ?? 0 : 0;
            tiers[tier] = new TierConfig(tier, model ?? "", tierEndpoints, context, input, output);
        }

        return tiers;
    }

    private static int DefaultContext(Tier tier) => tier switch
    {
        Tier.Quick or Tier.Vision => 8192,
        Tier.Code or Tier.Reasoning => 16384,
        Tier.Heavy => 32768,
        _ => 200000,
    };

    private RouteTable ReadRoutes(YamlMappingNode node, Dictionary<Tier, TierConfig> tiers, RouteTable defaults)
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
            if (Find(node, key) is not { } value)
            {
                return fallback;
            }

            string path = $"routes.{key}";
            if (!TierNames.TryParse(Scalar(value), out Tier? tier))
            {
                Error(value, path, $"unknown tier '{Scalar(value)}' (tiers are {TierNames.Listing})");
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

    private Dictionary<Tier, IReadOnlyList<Tier>> ReadFallbacks(YamlMappingNode node)
    {
        Dictionary<Tier, IReadOnlyList<Tier>> fallbacks = [];
        Dictionary<(Tier From, Tier To), YamlNode> edges = [];
        foreach ((YamlNode keyNode, YamlNode value) in node.Children)
        {
            string name = KeyName(keyNode);
            string path = $"fallbacks.{name}";
            if (!TierNames.TryParse(name, out Tier? from))
            {
                Error(keyNode, path, $"unknown tier '{name}' (tiers are {TierNames.Listing})");
                continue;
            }

            List<Tier> chain = [];
            foreach ((YamlNode item, string itemPath) in Items(value, path))
            {
                if (!TierNames.TryParse(Scalar(item), out Tier? to))
                {
                    Error(item, itemPath, $"unknown tier '{Scalar(item)}' (tiers are {TierNames.Listing})");
                }
                else if (to == from)
                {
                    Error(item, itemPath, $"fallback chain loops: '{name}' falls back to itself");
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

    private void ReportLoops(Dictionary<Tier, IReadOnlyList<Tier>> fallbacks, Dictionary<(Tier From, Tier To), YamlNode> edges)
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

    private List<Tier> ReadEscalation(YamlNode node)
    {
        List<Tier> order = [];
        foreach ((YamlNode item, string itemPath) in Items(node, "escalation"))
        {
            if (!TierNames.TryParse(Scalar(item), out Tier? tier))
            {
                Error(item, itemPath, $"unknown tier '{Scalar(item)}' (tiers are {TierNames.Listing})");
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

    private ContinuityConfig ReadContinuity(YamlMappingNode node, ContinuityConfig defaults)
    {
        WarnUnknownKeys(node, "continuity", "window", "minCodeTurns", "maxAgeMinutes");
        int window = Find(node, "window") is { } w ? Int(w, "continuity.window", 1) ?? defaults.Window : defaults.Window;
        int min = Find(node, "minCodeTurns") is { } m ? Int(m, "continuity.minCodeTurns", 1) ?? defaults.MinCodeTurns : defaults.MinCodeTurns;
        double age = Find(node, "maxAgeMinutes") is { } a ? Number(a, "continuity.maxAgeMinutes", 0) ?? defaults.MaxAgeMinutes : defaults.MaxAgeMinutes;
        if (min > window)
        {
            Error(Find(node, "minCodeTurns") ?? node, "continuity.minCodeTurns", $"must not exceed window ({window.ToString(CultureInfo.InvariantCulture)})");
        }

        return new ContinuityConfig(window, min, age);
    }

    private PrivacyConfig ReadPrivacy(YamlMappingNode node, PrivacyConfig defaults)
    {
        WarnUnknownKeys(node, "privacy", "mode", "privatePaths");
        PrivacyMode mode = defaults.Mode;
        if (Find(node, "mode") is { } modeNode)
        {
            switch (Scalar(modeNode)?.ToUpperInvariant())
            {
                case "AUTO":
                    mode = PrivacyMode.Auto;
                    break;
                case "LOCAL-ONLY" or "LOCALONLY" or "LOCAL_ONLY":
                    mode = PrivacyMode.LocalOnly;
                    break;
                default:
                    Error(modeNode, "privacy.mode", $"unknown mode '{Scalar(modeNode)}' (auto or local-only)");
                    break;
            }
        }

        IReadOnlyList<string> paths = defaults.PrivatePaths;
        if (Find(node, "privatePaths") is { } pathsNode)
        {
            List<string> globs = [];
            foreach ((YamlNode item, string itemPath) in Items(pathsNode, "privacy.privatePaths"))
            {
                if (Scalar(item) is { Length: > 0 } glob)
                {
                    globs.Add(glob);
                }
                else
                {
                    Error(item, itemPath, "expected a path glob");
                }
            }

            paths = globs;
        }

        return new PrivacyConfig(mode, paths);
    }

    private BudgetConfig ReadBudget(YamlMappingNode node, BudgetConfig defaults)
    {
        WarnUnknownKeys(node, "budget", "dailyUsd", "outputReserveTokens");
        double daily = Find(node, "dailyUsd") is { } d ? Number(d, "budget.dailyUsd", 0) ?? defaults.DailyUsd : defaults.DailyUsd;
        int reserve = Find(node, "outputReserveTokens") is { } r
            ? Int(r, "budget.outputReserveTokens", 0) ?? defaults.OutputReserveTokens
            : defaults.OutputReserveTokens;
        return new BudgetConfig(daily, reserve);
    }

    private DeadlinesConfig ReadDeadlines(YamlMappingNode node, DeadlinesConfig defaults)
    {
        WarnUnknownKeys(node, "deadlines", "completionMs", "firstTokenSeconds", "loadSeconds", "refactorSeconds");
        TimeSpan completion = Duration(node, "completionMs", 100, 60_000, TimeSpan.FromMilliseconds) ?? defaults.Completion;
        TimeSpan firstToken = Duration(node, "firstTokenSeconds", 1, 3600, TimeSpan.FromSeconds) ?? defaults.FirstToken;
        TimeSpan load = Duration(node, "loadSeconds", 1, 3600, TimeSpan.FromSeconds) ?? defaults.Load;
        TimeSpan refactor = Duration(node, "refactorSeconds", 1, 3600, TimeSpan.FromSeconds) ?? defaults.Refactor;
        if (load < firstToken)
        {
            Error(Find(node, "loadSeconds") ?? node, "deadlines.loadSeconds", "must not be shorter than firstTokenSeconds (a load waits longer, not shorter)");
        }

        return new DeadlinesConfig(completion, firstToken, load, refactor);
    }

    /// <summary>A <c>deadlines</c> entry within its bounds; null (with an error) when it is not, or when it is absent.</summary>
    private TimeSpan? Duration(YamlMappingNode node, string key, double minimum, double maximum, Func<double, TimeSpan> toSpan)
    {
        if (Find(node, key) is not { } value || Number(value, $"deadlines.{key}", minimum) is not { } number)
        {
            return null;
        }

        if (number > maximum)
        {
            Error(value, $"deadlines.{key}", $"must be at most {maximum.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return toSpan(number);
    }

    private IEnumerable<(YamlNode Item, string Path)> Items(YamlNode node, string path)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    yield return (sequence.Children[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                }

                break;
            case YamlScalarNode { Value: null or "" }:
                break;
            case YamlScalarNode scalar:
                // A single name where a list is expected is read as a one-item list.
                yield return (scalar, path);
                break;
            default:
                Error(node, path, "expected a list");
                break;
        }
    }

    private void WarnUnknownKeys(YamlMappingNode node, string path, params string[] known)
    {
        foreach ((YamlNode key, _) in node.Children)
        {
            string name = KeyName(key);
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                Warning(key, $"{path}.{name}", "unknown key is ignored");
            }
        }
    }

    private static YamlNode? Find(YamlMappingNode node, string key)
    {
        foreach ((YamlNode k, YamlNode v) in node.Children)
        {
            if (KeyName(k) == key)
            {
                return v;
            }
        }

        return null;
    }

    private static string KeyName(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();

    private string? Scalar(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Error(node, "", "expected a single value");
        return null;
    }

    private int? Int(YamlNode node, string path, int minimum)
    {
        string? text = node is YamlScalarNode scalar ? scalar.Value : null;
        if (!int.TryParse(text?.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            Error(node, path, $"expected a whole number, got '{text ?? node.NodeType.ToString()}'");
            return null;
        }

        if (value < minimum)
        {
            Error(node, path, $"must be at least {minimum.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    private double? Number(YamlNode node, string path, double minimum)
    {
        string? text = node is YamlScalarNode scalar ? scalar.Value : null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            Error(node, path, $"expected a number, got '{text ?? node.NodeType.ToString()}'");
            return null;
        }

        if (value < minimum)
        {
            Error(node, path, $"must be at least {minimum.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    private bool? Bool(YamlNode node, string path)
    {
        switch ((node as YamlScalarNode)?.Value?.ToUpperInvariant())
        {
            case "TRUE" or "YES" or "ON":
                return true;
            case "FALSE" or "NO" or "OFF":
                return false;
            default:
                Error(node, path, $"expected true or false, got '{(node as YamlScalarNode)?.Value}'");
                return null;
        }
    }

    private void Error(YamlNode node, string key, string message) =>
        _diagnostics.Add(new ConfigDiagnostic(ConfigSeverity.Error, _file, node.Start.Line, key, message));

    private void Warning(YamlNode node, string key, string message) =>
        _diagnostics.Add(new ConfigDiagnostic(ConfigSeverity.Warning, _file, node.Start.Line, key, message));
}
