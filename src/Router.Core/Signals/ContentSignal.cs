namespace Router.Core.Signals;

/// <summary>One piece of evidence found in a request, with its weight; its name is what the decision's reasons say.</summary>
public sealed record ContentSignal(string Name, SignalClass Class, double Weight);
