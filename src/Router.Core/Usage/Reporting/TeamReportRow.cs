namespace Router.Core.Usage.Reporting;

/// <summary>One line of a team report: a user, a gateway key, a route or a model, and what went through it.</summary>
public sealed record TeamReportRow(string Name, int Requests, int CloudRequests, long InputTokens, long OutputTokens, decimal CostUsd);
