namespace Router.Core.Signals;

/// <summary>Every signal found in a request, and the strongest class they add up to.</summary>
public sealed record ContentAnalysis(IReadOnlyList<ContentSignal> Signals)
{
    /// <summary>The score a class needs before it decides a chat; a lone weak hint (a language name) stays below it.</summary>
    public const double Threshold = 1.5;

    public double Score(SignalClass signalClass)
    {
        double score = 0;
        foreach (ContentSignal signal in Signals)
        {
            score += signal.Class == signalClass ? signal.Weight : 0;
        }

        return score;
    }

    /// <summary>The class with the highest score at or above <see cref="Threshold"/>; ties go to the policy's order
    /// (image, reasoning, code, wide). Null when nothing reaches the threshold.</summary>
    public SignalClass? Winner
    {
        get
        {
            SignalClass? best = null;
            double bestScore = Threshold - 1e-9;
            foreach (SignalClass candidate in (SignalClass[])[SignalClass.Image, SignalClass.Reasoning, SignalClass.Code, SignalClass.Wide])
            {
                double score = Score(candidate);
                if (score > bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            return best;
        }
    }

    /// <summary>"stack trace, error message": the names of a class's signals, strongest first.</summary>
    public string Describe(SignalClass signalClass)
    {
        // A stable sort by weight: signals of equal weight keep the order they were found in.
        List<ContentSignal> ofClass = [];
        foreach (ContentSignal signal in Signals)
        {
            if (signal.Class != signalClass)
            {
                continue;
            }

            int at = ofClass.Count;
            while (at > 0 && ofClass[at - 1].Weight < signal.Weight)
            {
                at--;
            }

            ofClass.Insert(at, signal);
        }

        return string.Join(", ", ofClass.Select(s => s.Name));
    }

    public bool Has(SignalClass signalClass) => Signals.Any(s => s.Class == signalClass);
}
