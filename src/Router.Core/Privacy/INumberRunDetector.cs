namespace Router.Core.Privacy;

/// <summary>Personal data written as numbers, confirmed on each run of digits the scanner finds.</summary>
internal interface INumberRunDetector
{
    /// <summary>A finding when <paramref name="run"/> is this kind of personal number, otherwise null.</summary>
    PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context);
}
