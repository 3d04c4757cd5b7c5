using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Router.Core.Configuration;
using Router.Gateway.Wire;
using Router.Runtime.Inventory;

namespace Router.Gateway.Hosting;

/// <summary>The models a client can name (router/auto, router/&lt;tier&gt;, each tier's model, then every other model the hosts
/// list) in OpenAI's and Ollama's listings, Ollama's /api/show and /api/version.</summary>
internal static class ModelListing
{
    public static async Task OpenAiModelsAsync(HttpContext http, GatewayContext context, string? id)
    {
        GatewayExchange.Authenticate(http, context);
        IReadOnlyList<string> names = await NamesAsync(context, http.RequestAborted);
        if (id is not null && !names.Contains(id, StringComparer.Ordinal))
        {
            throw new GatewayException(GatewayErrorKind.NotFound, $"model '{id}' does not exist: the router serves {string.Join(", ", names)}") { Code = "model_not_found" };
        }

        await WriteAsync(http, json =>
        {
            if (id is not null)
            {
                OpenAiModel(json, id);
                return;
            }

            json.WriteStartObject();
            json.WriteString("object", "list");
            json.WriteStartArray("data");
            foreach (string name in names)
            {
                OpenAiModel(json, name);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static async Task OllamaTagsAsync(HttpContext http, GatewayContext context)
    {
        GatewayExchange.Authenticate(http, context);
        IReadOnlyList<string> names = await NamesAsync(context, http.RequestAborted);
        await WriteAsync(http, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("models");
            foreach (string name in names)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("model", name);
                json.WriteString("modified_at", "1970-01-01T00:00:00Z");
                json.WriteNumber("size", 0);
                json.WriteString("digest", "");
                Details(json, name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static async Task OllamaShowAsync(HttpContext http, GatewayContext context)
    {
        GatewayExchange.Authenticate(http, context);
        string? name;
        try
        {
            using JsonDocument body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            name = OllamaFields.Model(JsonFields.Object(body.RootElement));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new GatewayException(GatewayErrorKind.BadRequest, "the body is not valid JSON: " + e.Message);
        }
        catch (BadHttpRequestException e)
        {
            throw new GatewayException(
                e.StatusCode == StatusCodes.Status413PayloadTooLarge ? GatewayErrorKind.TooLarge : GatewayErrorKind.BadRequest, "the body could not be read: " + e.Message);
        }

        if (!(await NamesAsync(context, http.RequestAborted)).Contains(name, StringComparer.Ordinal))
        {
            throw new GatewayException(GatewayErrorKind.NotFound, $"model '{name}' not found");
        }

        await WriteAsync(http, json =>
        {
            json.WriteStartObject();
            json.WriteString("modelfile", "");
            json.WriteString("parameters", "");
            json.WriteString("template", "");
            Details(json, name);
            json.WriteStartObject("model_info");
            json.WriteEndObject();
            json.WriteStartArray("capabilities");
            json.WriteStringValue("completion");
            json.WriteStringValue("insert");
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static Task OllamaVersionAsync(HttpContext http, GatewayContext context) =>
        WriteAsync(http, json =>
        {
            json.WriteStartObject();
            json.WriteString("version", context.Version);
            json.WriteEndObject();
        });

    /// <summary>The router's names, then each model a local host lists that is not among them (once, as the first host to
    /// list it names it). Hosts are probed only when their last model list is older than the inventory's freshness.</summary>
    internal static async Task<IReadOnlyList<string>> NamesAsync(GatewayContext context, CancellationToken cancellationToken)
    {
        RouterConfig config = context.Config();
        List<string> names = [.. ModelChoice.Names(config)];
        if (context.Runtime.Inventory is not { } inventory)
        {
            return names;
        }

        EndpointConfig[] hosts = [.. config.Endpoints.Values.Where(e => !e.Cloud)];
        try
        {
            await Task.WhenAll(hosts.Select(host => inventory.GetSnapshotAsync(host, cancellationToken).AsTask()));
        }
        catch (ObjectDisposedException)
        {
            // Shutting down: what is known already is listed.
        }

        foreach (EndpointConfig host in hosts)
        {
            foreach (string model in inventory.KnownModels(host) ?? [])
            {
                if (!names.Any(name => OllamaModelName.SameModel(name, model)))
                {
                    names.Add(model);
                }
            }
        }

        return names;
    }

    private static void OpenAiModel(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject();
        json.WriteString("id", name);
        json.WriteString("object", "model");
        json.WriteNumber("created", 0);
        json.WriteString("owned_by", "router");
        json.WriteEndObject();
    }

    private static void Details(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject("details");
        json.WriteString("format", "");
        json.WriteString("family", name.StartsWith(ModelChoice.Prefix, StringComparison.Ordinal) ? "router" : "");
        json.WriteNull("families");
        json.WriteString("parameter_size", "");
        json.WriteString("quantization_level", "");
        json.WriteEndObject();
    }

    internal static async Task WriteAsync(HttpContext http, Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        using Utf8JsonWriter json = new(http.Response.BodyWriter);
        write(json);
        await json.FlushAsync(http.RequestAborted);
    }
}
