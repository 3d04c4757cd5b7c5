namespace Router.Core.Configuration;

/// <summary>A single value; an empty one (<c>key:</c> with nothing after it) has <see cref="Value"/> "".</summary>
internal sealed class ConfigScalar(string value, long line) : ConfigNode(line, 1 + (long)value.Length, 0)
{
    public string Value { get; } = value;

    public bool IsEmpty => Value.Length == 0;

    public override string Describe() => IsEmpty ? "nothing" : $"'{ConfigText.Excerpt(Value)}'";
}
