namespace Router.Core.Privacy;

/// <summary>Indian Aadhaar numbers (आधार): twelve digits, the first 2–9, closed by a Verhoeff check digit, named in the text.</summary>
internal sealed class IndianAadhaarDetector : INumberRunDetector
{
    private static readonly string[] Keywords = NearbyKeyword.Spellings("Aadhaar", "Aadhar", "आधार", "UIDAI");

    // Verhoeff's tables: multiplication in the dihedral group D5, and the permutation applied i times to the digit i places from the right.
    private static readonly byte[,] Multiplication =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
        { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
        { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
        { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
        { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 },
        { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
        { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] Permutation =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
        { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
        { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
        { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 },
        { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 },
        { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    public bool HandlesDigitCount(int digits) => digits == 12;

    public PrivacyFinding? Inspect(ReadOnlySpan<char> text, NumberRun run, in TextScanContext context)
    {
        if (!run.IsTwelveInFours(text) || !run.IsStandalone(text))
        {
            return null;
        }

        Span<int> buffer = stackalloc int[12];
        ReadOnlySpan<int> digits = run.CopyDigits(text, buffer);
        if (digits[0] < 2 || !PassesVerhoeff(digits) || IdDigits.DistinctDigits(digits) <= 2)
        {
            return null;
        }

        return NearbyKeyword.IsNear(text, run.Start, run.End, Keywords)
            ? new PrivacyFinding("in-aadhaar", context.Field, $"Indian Aadhaar number in {context.Field}")
            : null;
    }

    private static bool PassesVerhoeff(ReadOnlySpan<int> digits)
    {
        int check = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            check = Multiplication[check, Permutation[i % 8, digits[digits.Length - 1 - i]]];
        }

        return check == 0;
    }
}
