namespace Router.Gateway.Wire;

/// <summary>What a reply says before its text: its id, the model that answers, and when.</summary>
public sealed record AnswerHead(string Id, string Model, DateTimeOffset Created);
