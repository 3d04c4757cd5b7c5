namespace Router.Core.Usage.Reporting;

/// <summary>A model's prices in US dollars per million input and output tokens.</summary>
public sealed record TokenPrice(double UsdPerMillionInput, double UsdPerMillionOutput);
