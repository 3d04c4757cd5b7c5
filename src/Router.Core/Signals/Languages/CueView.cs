namespace Router.Core.Signals.Languages;

/// <summary>The cues found in one text, read one language at a time.</summary>
internal sealed class CueView(CueMatcher matcher, List<CueHit> hits, uint[] languagesOf)
{
    /// <summary>Every kind a cue of the language holds.</summary>
    public CueKind KindsIn(uint language)
    {
        CueKind kinds = CueKind.None;
        for (int i = 0; i < hits.Count; i++)
        {
            if ((languagesOf[i] & language) != 0)
            {
                kinds |= matcher.KindsOf(hits[i].Entry);
            }
        }

        return kinds;
    }

    /// <summary>How many cues of the language there are.</summary>
    public int Count(uint language)
    {
        int count = 0;
        for (int i = 0; i < hits.Count; i++)
        {
            count += (languagesOf[i] & language) != 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Whether a cue of kind <paramref name="first"/> and a cue of kind <paramref name="second"/> that starts at
    /// another word start within <paramref name="window"/> characters of each other, in either order.</summary>
    public bool Near(uint language, CueKind first, CueKind second, int window)
    {
        for (int i = 0; i < hits.Count; i++)
        {
            if ((languagesOf[i] & language) == 0 || (matcher.KindsOf(hits[i].Entry) & first) == 0)
            {
                continue;
            }

            for (int j = 0; j < hits.Count; j++)
            {
                CueHit a = hits[i];
                CueHit b = hits[j];
                if ((languagesOf[j] & language) != 0 && (matcher.KindsOf(b.Entry) & second) != 0
                    && a.Start != b.Start && Math.Abs(a.Start - b.Start) <= window)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a cue of <paramref name="kind"/> follows a number of two digits or more ("20 Dienste").</summary>
    public bool AfterNumber(uint language, CueKind kind, ReadOnlySpan<char> folded)
    {
        for (int i = 0; i < hits.Count; i++)
        {
            if ((languagesOf[i] & language) == 0 || (matcher.KindsOf(hits[i].Entry) & kind) == 0 || hits[i].Start < 3)
            {
                continue;
            }

            int end = hits[i].Start - 1;
            int start = end;
            while (start > 0 && char.IsAsciiDigit(folded[start - 1]))
            {
                start--;
            }

            if (folded[end] == ' ' && end - start >= 2 && (start == 0 || folded[start - 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Distinct cues of a kind (other stems, at places apart), counted up to <paramref name="enough"/>.</summary>
    public int Distinct(uint language, CueKind kind, int enough)
    {
        Span<(int Entry, int Start, int End)> seen = stackalloc (int, int, int)[Math.Max(1, enough)];
        int count = 0;
        for (int i = 0; i < hits.Count && count < enough; i++)
        {
            CueHit hit = hits[i];
            if ((languagesOf[i] & language) == 0 || (matcher.KindsOf(hit.Entry) & kind) == 0)
            {
                continue;
            }

            bool fresh = true;
            foreach ((int entry, int start, int end) in seen[..count])
            {
                fresh &= entry != hit.Entry && (hit.Start >= end || hit.End <= start);
            }

            if (fresh)
            {
                seen[count++] = (hit.Entry, hit.Start, hit.End);
            }
        }

        return count;
    }
}
