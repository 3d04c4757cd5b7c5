namespace Router.Core.Privacy;

/// <summary>Personal data written as numbers, confirmed on each run of digits the scanner finds.</summary>
internal interface INumberRunDetector
{
    /// <summary>Whether a run of <paramref name="digits"/> digits can be this kind of number; the scanner shows a run only to detectors that take its length.</summary>
    bool HandlesDigitCount(int digits);

    /// <summary>A finding when <paramref name="run"/> is this kind of personal number, otherwise null.</summary>
    PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context);
}
