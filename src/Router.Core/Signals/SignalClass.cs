namespace Router.Core.Signals;

/// <summary>What a content signal is evidence of; each class points a chat at one tier.</summary>
public enum SignalClass
{
    /// <summary>The request is about an image (vision).</summary>
    Image,

    /// <summary>Math, proofs, logic, probability, algorithmic analysis (reasoning).</summary>
    Reasoning,

    /// <summary>Code, identifiers, stack traces, requests to write or fix code (code).</summary>
    Code,

    /// <summary>Whole-codebase, system design, long documents (heavy).</summary>
    Wide,
}
