using Router.Core.Configuration;
using Router.Core.Policy;
using Router.Core.Privacy;
using Router.Core.Requests;

namespace Router.Runtime.Dispatch;

/// <summary>Why a private request that no local host could answer was not sent to the cloud, and what would serve it:
/// which local host to start, which model to pull where.</summary>
/// <param name="Because">What made the request private; its description never holds the secret.</param>
/// <param name="CloudEndpoints">The cloud endpoints of the configuration, none of which was asked.</param>
/// <param name="Remedies">What the user can do, each on its own ("start Ollama on gpu-box (http://…)", "pull … on …").</param>
public sealed record PrivateFailureExplanation(PrivacyFinding Because, IReadOnlyList<string> CloudEndpoints, IReadOnlyList<string> Remedies)
{
    /// <summary>The explanation for a failed dispatch of <paramref name="decision"/>; null when the request was not private.</summary>
    public static PrivateFailureExplanation? Of(RouteDecision decision, RouterConfig config, IReadOnlyList<DispatchAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(attempts);
        if (!decision.LocalOnly)
        {
            return null;
        }

        PrivacyFinding because = decision.PrivateBecause ?? new PrivacyFinding("private", "request", "the request is private");
        string[] cloud = [.. config.Endpoints.Values.Where(endpoint => endpoint.Cloud).Select(endpoint => endpoint.Name)];
        List<string> remedies = [];
        foreach (DispatchAttempt attempt in attempts)
        {
            if (Remedy(attempt, config) is { } remedy && !remedies.Contains(remedy, StringComparer.Ordinal))
            {
                remedies.Add(remedy);
            }
        }

        if (remedies.Count == 0)
        {
            remedies.Add($"add a local endpoint (Ollama on this machine or your network) to the {decision.Tier.Name()} tier in router.yaml");
        }

        return new PrivateFailureExplanation(because, cloud, remedies);
    }

    /// <summary>"This request is private (…), so it was kept off the cloud on purpose (…), and no local host could answer it.
    /// To serve it: start Ollama on gpu-box (http://127.0.0.1:11435), or pull qwen2.5-coder:32b on laptop."</summary>
    public override string ToString()
    {
        string cloud = CloudEndpoints.Count == 0 ? "" : $" ({string.Join(", ", CloudEndpoints)} not asked)";
        return $"This request is private ({Because.Description}; detector {Because.Detector}), so it was kept off the cloud on purpose{cloud}, "
            + $"and no local host could answer it. To serve it: {string.Join(", or ", Remedies)}.";
    }

    /// <summary>What would have let this local attempt answer; null for attempts that say nothing about a local host.</summary>
    private static string? Remedy(DispatchAttempt attempt, RouterConfig config)
    {
        if (attempt.Outcome == DispatchAttemptOutcome.Answered
            || !config.Endpoints.TryGetValue(attempt.Endpoint, out EndpointConfig? endpoint)
            || endpoint.Cloud)
        {
            return null;
        }

        bool ollama = endpoint.Provider == ProviderKind.Ollama;
        string reason = attempt.Reason;
        if (attempt.Cause == DispatchAttemptCause.ModelMissing)
        {
            return ollama
                ? $"pull {attempt.Model} on {endpoint.Name} (`ollama pull {attempt.Model}` there)"
                : $"load {attempt.Model} in the server on {endpoint.Name} ({Address(endpoint)})";
        }

        if (reason.StartsWith("skipped: context", StringComparison.Ordinal))
        {
            return $"give the {attempt.Tier.Name()} tier a model with a larger context than {attempt.Model} on {endpoint.Name}";
        }

        if (reason.Contains("fill in the middle", StringComparison.Ordinal))
        {
            return $"use a model that can fill in the middle on {endpoint.Name}";
        }

        string server = ollama ? "Ollama" : "the model server";
        if (reason.StartsWith("timeout", StringComparison.Ordinal))
        {
            return $"check {server} on {endpoint.Name} ({Address(endpoint)}): it did not answer in time";
        }

        if (reason.Contains("HTTP 5", StringComparison.Ordinal) || reason.Contains("server error", StringComparison.Ordinal))
        {
            return $"check {server} on {endpoint.Name} ({Address(endpoint)}): it answered with an error";
        }

        // Unreachable, or left behind an open circuit: the host itself has to come back.
        return $"start {server} on {endpoint.Name} ({Address(endpoint)})";
    }

    /// <summary>The endpoint's address without user info, which could hold a password.</summary>
    private static string Address(EndpointConfig endpoint) => endpoint.Url switch
    {
        null => "its default address",
        { UserInfo.Length: 0 } url => url.GetLeftPart(UriPartial.Authority),
        { } url => new UriBuilder(url) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Authority),
    };
}
