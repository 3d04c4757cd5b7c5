using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Router.Gateway.Tests;

/// <summary>Malformed bodies, wrong content types, huge headers and bodies, cut connections: each gets its error, in its
/// API's shape, and the gateway goes on answering.</summary>
public sealed class FuzzTests
{
    private const string Good = """{"model":"router/auto","stream":false,"messages":[{"role":"user","content":"hi"}]}""";

    public static TheoryData<string, string> MalformedBodies()
    {
        string[] bodies =
        [
            "", "{", "[]", "null", "\"text\"", "42", "{\"messages\":5}", "{\"messages\":[1]}", "{\"messages\":[]}",
            "{\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}", "{\"messages\":[{\"role\":\"user\",\"content\":7}]}",
            "{\"model\":7,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "{\"stream\":\"yes\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "{\"max_tokens\":-1,\"options\":{\"temperature\":\"hot\"},\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "{\"tools\":[{\"type\":\"function\"}],\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:x\"}}]}]}",
            new string('[', 200) + new string(']', 200),
        ];
        TheoryData<string, string> data = [];
        foreach (string path in (string[])["/v1/chat/completions", "/v1/messages", "/api/chat"])
        {
            foreach (string body in bodies)
            {
                data.Add(path, body);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_is_a_400_in_the_apis_error_shape(string path, string body)
    {
        await using GatewayHosts hosts = await Shared();

        using HttpResponseMessage response = await hosts.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertErrorShape(path, await response.Content.ReadAsStringAsync());
        Assert.Empty(GatewayHosts.Generations(hosts.Laptop));
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_type_is_415_for_openai_and_anthropic_but_ollamas_clients_send_any_type()
    {
        await using GatewayHosts hosts = await Shared();

        using HttpResponseMessage openAi = await hosts.Http.PostAsync("/v1/chat/completions", new StringContent(Good, Encoding.UTF8, "text/plain"), GatewayHosts.Deadline());
        using HttpResponseMessage anthropic = await hosts.Http.PostAsync("/v1/messages", new StringContent(Good, Encoding.UTF8, "application/x-www-form-urlencoded"), GatewayHosts.Deadline());
        using HttpResponseMessage ollama = await hosts.Http.PostAsync("/api/chat", new StringContent(Good, Encoding.UTF8, "application/x-www-form-urlencoded"), GatewayHosts.Deadline());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, openAi.StatusCode);
        AssertErrorShape("/v1/chat/completions", await openAi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, anthropic.StatusCode);
        AssertErrorShape("/v1/messages", await anthropic.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ollama.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_whether_its_length_is_declared_or_chunked()
    {
        await using GatewayHosts hosts = await GatewayHosts.StartAsync(options: o => o with { MaxBodyBytes = 64 << 10 });
        string huge = JsonSerializer.Serialize(new { model = "router/auto", messages = new[] { new { role = "user", content = new string('x', 100_000) } } });

        using HttpResponseMessage declared = await hosts.PostAsync("/v1/chat/completions", huge);
        using HttpRequestMessage chunked = new(HttpMethod.Post, "/v1/messages") { Content = new PushStreamContent(Encoding.UTF8.GetBytes(huge)) };
        using HttpResponseMessage streamed = await hosts.Http.SendAsync(chunked, GatewayHosts.Deadline());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        AssertErrorShape("/v1/chat/completions", await declared.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal("request_too_large", JsonDocument.Parse(await streamed.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("type").GetString());
        await AssertStillAnswersAsync(hosts);
    }

    [Fact]
    public async Task Huge_headers_are_refused_and_the_gateway_stays_up()
    {
        await using GatewayHosts hosts = await Shared();
        using HttpRequestMessage request = new(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(Good, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-padding", new string('a', 100_000));

        using HttpResponseMessage response = await hosts.Http.SendAsync(request, GatewayHosts.Deadline());

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        await AssertStillAnswersAsync(hosts);
    }

    [Fact]
    public async Task A_body_cut_short_and_a_client_that_leaves_mid_stream_leave_the_gateway_answering()
    {
        await using GatewayHosts hosts = await Shared();

        // A declared length never sent: the connection closes after a few bytes.
        using (TcpClient client = new())
        {
            await client.ConnectAsync(hosts.Server.BaseAddress.Host, hosts.Server.BaseAddress.Port, GatewayHosts.Deadline());
            NetworkStream stream = client.GetStream();
            byte[] head = Encoding.ASCII.GetBytes(
                $"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"model\":");
            await stream.WriteAsync(head, GatewayHosts.Deadline());
        }

        // A streaming client that reads one line and goes.
        using (HttpResponseMessage response = await hosts.PostAsync(
            "/v1/chat/completions", Good.Replace("\"stream\":false", "\"stream\":true", StringComparison.Ordinal), completion: HttpCompletionOption.ResponseHeadersRead))
        {
            using StreamReader reader = new(await response.Content.ReadAsStreamAsync());
            Assert.StartsWith("data: ", await reader.ReadLineAsync());
        }

        await AssertStillAnswersAsync(hosts);
    }

    [Fact]
    public async Task Mangled_copies_of_a_good_request_never_get_a_500()
    {
        await using GatewayHosts hosts = await Shared();
        Random random = new(20);
        byte[] good = Encoding.UTF8.GetBytes(Good);
        for (int i = 0; i < 150; i++)
        {
            byte[] body = random.Next(3) switch
            {
                0 => good[..random.Next(good.Length)],
                1 => Flip(good, random),
                _ => [.. good, .. Encoding.UTF8.GetBytes(new string('}', random.Next(1, 5)))],
            };
            string path = (i % 3) switch { 0 => "/v1/chat/completions", 1 => "/v1/messages", _ => "/api/generate" };
            using ByteArrayContent content = new(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using HttpResponseMessage response = await hosts.Http.PostAsync(path, content, GatewayHosts.Deadline());

            Assert.True((int)response.StatusCode < 500, $"{path} {Encoding.UTF8.GetString(body)} -> {(int)response.StatusCode}");
        }

        await AssertStillAnswersAsync(hosts);
    }

    private static byte[] Flip(byte[] good, Random random)
    {
        byte[] copy = [.. good];
        for (int j = 0; j < 3; j++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static Task<GatewayHosts> Shared() => GatewayHosts.StartAsync();

    private static async Task AssertStillAnswersAsync(GatewayHosts hosts)
    {
        using HttpResponseMessage response = await hosts.PostAsync("/v1/chat/completions", Good);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static void AssertErrorShape(string path, string body)
    {
        JsonElement root = JsonDocument.Parse(body).RootElement;
        switch (path)
        {
            case "/v1/messages":
                Assert.Equal("error", root.GetProperty("type").GetString());
                Assert.False(string.IsNullOrEmpty(root.GetProperty("error").GetProperty("message").GetString()));
                break;
            case "/api/chat" or "/api/generate":
                Assert.False(string.IsNullOrEmpty(root.GetProperty("error").GetString()));
                break;
            default:
                Assert.False(string.IsNullOrEmpty(root.GetProperty("error").GetProperty("message").GetString()));
                Assert.False(string.IsNullOrEmpty(root.GetProperty("error").GetProperty("type").GetString()));
                break;
        }
    }

    /// <summary>A body sent chunked, with no declared length.</summary>
    private sealed class PushStreamContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes, 0, bytes.Length);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
