namespace Router.Backends.Anthropic;

/// <summary>Where an image block's picture is: <c>{"type":"base64","media_type","data"}</c> or <c>{"type":"url","url"}</c>.</summary>
internal sealed record AnthropicImageSource
{
    public required string Type { get; init; }
    public string? MediaType { get; init; }
    public string? Data { get; init; }
    public string? Url { get; init; }
}
