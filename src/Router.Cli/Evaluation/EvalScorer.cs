using System.Text.RegularExpressions;

namespace Router.Cli.Evaluation;

/// <summary>Turns judged cases into the report: per category, per language, overall and the misses.</summary>
internal static partial class EvalScorer
{
    public static EvalReport Score(string config, EvalCaseSet caseSet, IReadOnlyList<CaseOutcome> outcomes, long elapsedMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(caseSet);
        ArgumentNullException.ThrowIfNull(outcomes);
        List<CaseOutcome> routed = [.. outcomes.Where(o => o.Routed)];
        EvalTotals totals = new(
            Cases: outcomes.Count,
            TierRight: outcomes.Count(o => o.TierRight),
            PrivateCases: routed.Count(o => o.Case.ExpectedLocalOnly),
            KeptLocal: routed.Count(o => o.Case.ExpectedLocalOnly && !o.Leak),
            Leaks: routed.Count(o => o.Leak),
            PublicCases: routed.Count(o => !o.Case.ExpectedLocalOnly),
            FalsePrivateCases: routed.Count(o => o.FalsePrivate),
            RouteErrors: outcomes.Count - routed.Count,
            BadLines: caseSet.BadLines.Count);
        int passed = outcomes.Count(o => o.Passed);
        return new EvalReport(
            config,
            caseSet.Files,
            outcomes.Count,
            passed,
            outcomes.Count - passed + caseSet.BadLines.Count,
            elapsedMilliseconds,
            totals,
            GroupBy(outcomes, o => o.Case.Category),
            GroupBy(outcomes, o => o.Case.Lang),
            [.. outcomes.Where(o => !o.Passed).Select(MissOf)],
            caseSet.BadLines);
    }

    private static GroupScore[] GroupBy(IReadOnlyList<CaseOutcome> outcomes, Func<CaseOutcome, string> key) =>
        [.. outcomes
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupScore(g.Key, g.Count(), g.Count(o => o.TierRight), g.Count(o => o.Passed)))];

    private static EvalMiss MissOf(CaseOutcome outcome)
    {
        EvalCase evalCase = outcome.Case;
        List<string> problems = [];
        if (!outcome.Routed)
        {
            problems.Add("not routed");
        }
        else
        {
            if (!outcome.TierRight)
            {
                problems.Add("tier");
            }

            if (outcome.Leak)
            {
                problems.Add("leak");
            }

            if (outcome.FalsePrivate)
            {
                problems.Add("false-private");
            }
        }

        IReadOnlyList<string> reasons = outcome.Decision?.Reasons ?? [];
        if (evalCase.ExpectedLocalOnly || outcome.Decision?.LocalOnly == true)
        {
            // A reason may quote the words that triggered it; in a private case those words are the case's text.
            reasons = [.. reasons.Select(r => QuotedText().Replace(r, "(quoted text withheld)"))];
        }

        return new EvalMiss(
            evalCase.Id,
            evalCase.Category,
            evalCase.Lang,
            evalCase.File,
            evalCase.LineNumber,
            evalCase.ExpectedTiers,
            evalCase.ExpectedLocalOnly,
            outcome.Decision?.Tier,
            outcome.Decision?.LocalOnly,
            reasons,
            outcome.Error,
            problems);
    }

    [GeneratedRegex("""\("[^\n]*?"\)""")]
    private static partial Regex QuotedText();
}
