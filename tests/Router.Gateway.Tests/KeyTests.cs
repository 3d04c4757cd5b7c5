using System.Net;
using System.Text;
using System.Text.Json;
using Router.Core.Requests;
using Router.Core.Usage;
using Router.Runtime.Usage;
using Router.Gateway.Hosting;
using Router.Gateway.Keys;

namespace Router.Gateway.Tests;

/// <summary>Keys: who may ask, for which tiers, how often and for how much; and the address rule.</summary>
public sealed class KeyTests
{
    private const string Ask = """{"model":"router/auto","messages":[{"role":"user","content":"What is the capital of France?"}]}""";

    private static GatewayKeyRing Ring(params GatewayKey[] keys) => new(keys);

    [Fact]
    public async Task Without_a_key_or_with_an_unknown_one_the_answer_is_401_in_each_apis_shape()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(keys: Ring(new GatewayKey("ci", KeyHash.Of("sk-ci"), null, null, null)));

        using HttpResponseMessage none = await hosts.PostAsync("/v1/chat/completions", Ask);
        using HttpResponseMessage wrong = await hosts.PostAsync("/v1/chat/completions", Ask, key: "sk-other");
        using HttpResponseMessage anthropic = await hosts.PostAsync("/v1/messages", """{"model":"router/auto","max_tokens":8,"messages":[{"role":"user","content":"hi"}]}""");
        using HttpResponseMessage ollama = await hosts.PostAsync("/api/chat", """{"model":"router/auto","messages":[{"role":"user","content":"hi"}]}""");
        using HttpResponseMessage models = await hosts.Http.GetAsync("/v1/models", GatewayHosts.Deadline());

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("invalid_api_key", OpenAiRouteTests.ErrorCode(await none.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anthropic.StatusCode);
        JsonElement anthropicError = JsonDocument.Parse(await anthropic.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("error", anthropicError.GetProperty("type").GetString());
        Assert.Equal("authentication_error", anthropicError.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, ollama.StatusCode);
        Assert.Contains("key", JsonDocument.Parse(await ollama.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, models.StatusCode);
        Assert.Empty(GatewayHosts.Generations(hosts.Laptop));
    }

    [Fact]
    public async Task A_known_key_is_answered_by_bearer_or_by_x_api_key()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(keys: Ring(new GatewayKey("ci", KeyHash.Of("sk-ci"), null, null, null)));

        using HttpResponseMessage bearer = await hosts.PostAsync("/v1/chat/completions", Ask, key: "sk-ci");
        using HttpRequestMessage request = new(HttpMethod.Post, "/v1/messages")
        {
            Content = new StringContent("""{"model":"router/auto","max_tokens":8,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", "sk-ci");
        using HttpResponseMessage apiKey = await hosts.Http.SendAsync(request, GatewayHosts.Deadline());

        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apiKey.StatusCode);
    }

    [Fact]
    public async Task A_key_may_not_use_a_tier_it_is_not_allowed_whether_asked_for_or_routed_to()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(keys: Ring(new GatewayKey("cheap", KeyHash.Of("sk-cheap"), new HashSet<Tier> { Tier.Quick }, null, null)));

        using HttpResponseMessage asked = await hosts.PostAsync(
            "/v1/chat/completions", """{"model":"router/heavy","messages":[{"role":"user","content":"hi"}]}""", key: "sk-cheap");
        using HttpResponseMessage routed = await hosts.PostAsync(
            "/v1/chat/completions",
            """{"model":"router/auto","messages":[{"role":"user","content":"Why does this throw?\n\n```csharp\npublic int Length(string? name) => name.Length;\n```"}]}""",
            key: "sk-cheap");
        using HttpResponseMessage allowed = await hosts.PostAsync("/v1/chat/completions", Ask, key: "sk-cheap");

        Assert.Equal(HttpStatusCode.Forbidden, asked.StatusCode);
        Assert.Contains("tier heavy", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, routed.StatusCode);
        Assert.Contains("tier code", await routed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Empty(GatewayHosts.Generations(hosts.Gpu));
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_and_other_keys_are_not_held_back()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(keys: Ring(
            new GatewayKey("slow", KeyHash.Of("sk-slow"), null, null, 2),
            new GatewayKey("other", KeyHash.Of("sk-other"), null, null, null)));

        HttpStatusCode[] statuses = new HttpStatusCode[3];
        HttpResponseMessage? refused = null;
        for (int i = 0; i < 3; i++)
        {
            HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", Ask, key: "sk-slow");
            statuses[i] = response.StatusCode;
            refused = response;
        }

        using HttpResponseMessage other = await hosts.PostAsync("/v1/chat/completions", Ask, key: "sk-other");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(refused!.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 30 }, $"Retry-After {refused.Headers.RetryAfter}");
        Assert.Equal("rate_limit_exceeded", OpenAiRouteTests.ErrorCode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        refused.Dispose();
    }

    [Fact]
    public async Task A_keys_daily_budget_keeps_it_off_the_paid_tier_and_every_request_is_booked_with_the_key()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(keys: Ring(new GatewayKey("broke", KeyHash.Of("sk-broke"), null, 0, null)));

        using HttpResponseMessage response = await hosts.PostAsync(
            "/v1/chat/completions", """{"model":"router/frontier","messages":[{"role":"user","content":"Summarise event sourcing."}]}""", key: "sk-broke");

        // The cloud attempt is refused by the key's budget; frontier falls back to heavy, a local host.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("heavy", OpenAiRouteTests.Header(response, "x-router-tier"));
        Assert.Empty(GatewayHosts.Generations(hosts.Cloud));
        IUsageLedger ledger = hosts.Runtime.Ledger!;
        await ledger.FlushAsync(GatewayHosts.Deadline());
        List<UsageRecord> rows = [];
        await foreach (UsageRecord row in ledger.ReadSinceAsync(DateTimeOffset.UtcNow.AddHours(-1), GatewayHosts.Deadline()))
        {
            rows.Add(row);
        }

        Assert.Equal("broke", Assert.Single(rows).Key);
    }

    [Fact]
    public async Task A_key_kept_to_the_paid_tier_never_falls_back_to_a_tier_it_may_not_use()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(
            keys: Ring(new GatewayKey("cloud-only", KeyHash.Of("sk-cloud"), new HashSet<Tier> { Tier.Frontier }, 0, null)));

        using HttpResponseMessage response = await hosts.PostAsync(
            "/v1/chat/completions", """{"model":"router/frontier","messages":[{"role":"user","content":"Summarise event sourcing."}]}""", key: "sk-cloud");

        // Frontier is refused by the key's budget, and heavy, where frontier falls back, is not the key's to use.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("may not use the heavy tier", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(GatewayHosts.Generations(hosts.Cloud));
        Assert.Empty(GatewayHosts.Generations(hosts.Gpu));
        Assert.Empty(GatewayHosts.Generations(hosts.Laptop));
    }

    [Fact]
    public async Task Any_address_but_loopback_refuses_to_start_without_keys()
    {
        GatewayOptions open = new() { Listen = new ListenAddress(System.Net.IPAddress.Any, 0) };
        GatewayOptions keyed = open with { Keys = Ring(new GatewayKey("ci", KeyHash.Of("sk-ci"), null, null, null)) };

        InvalidOperationException refused = Assert.Throws<InvalidOperationException>(open.Validate);
        Assert.Contains("without keys", refused.Message, StringComparison.Ordinal);
        keyed.Validate();
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using GatewayHosts hosts = await GatewayHosts.StartAsync(options: o => o with { Listen = new ListenAddress(System.Net.IPAddress.Any, 0) });
        });
    }
}
