namespace Router.Core.Signals.Languages;

/// <summary>The cues of one language found in a text, with their kinds, for the combination rules.</summary>
/// <remarks>One view is reused for every language of a text, and from text to text on a thread (see
/// <see cref="Reset"/>), so that reading the cues allocates nothing once its arrays are large enough.</remarks>
internal sealed class CueView
{
    private CueHit[] _hits = new CueHit[32];
    private CueKind[] _kinds = new CueKind[32];
    private int _count;

    /// <summary>Views the cues of <paramref name="language"/> (its bit) among <paramref name="hits"/> (in order of
    /// start), each counting for the languages <paramref name="languagesOf"/> gives.</summary>
    public CueView Reset(CueMatcher matcher, List<CueHit> hits, ReadOnlySpan<uint> languagesOf, uint language)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(hits);
        if (_hits.Length < hits.Count)
        {
            _hits = new CueHit[hits.Count * 2];
            _kinds = new CueKind[hits.Count * 2];
        }

        _count = 0;
        Kinds = CueKind.None;
        Evidence = 0;
        for (int i = 0; i < hits.Count; i++)
        {
            if ((languagesOf[i] & language) == 0)
            {
                continue;
            }

            CueKind kinds = matcher.KindsOf(hits[i].Entry);
            Evidence++;
            Kinds |= kinds;
            if (kinds != CueKind.Evidence)
            {
                _hits[_count] = hits[i];
                _kinds[_count++] = kinds;
            }
        }

        return this;
    }

    /// <summary>Every kind a cue of the language holds.</summary>
    public CueKind Kinds { get; private set; }

    /// <summary>How many cues of the language there are, function words included.</summary>
    public int Evidence { get; private set; }

    public bool Has(CueKind kind) => (Kinds & kind) != 0;

    /// <summary>Whether a cue of kind <paramref name="first"/> and a cue of kind <paramref name="second"/> that starts at
    /// another place start within <paramref name="window"/> characters of each other, in either order.</summary>
    public bool Near(CueKind first, CueKind second, int window)
    {
        if ((Kinds & first) == 0 || (Kinds & second) == 0)
        {
            return false;
        }

        for (int i = 0; i < _count; i++)
        {
            if ((_kinds[i] & first) == 0)
            {
                continue;
            }

            for (int j = 0; j < _count; j++)
            {
                if ((_kinds[j] & second) != 0 && _hits[i].Start != _hits[j].Start && Math.Abs(_hits[i].Start - _hits[j].Start) <= window)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether a cue of <paramref name="kind"/> follows a number of two digits or more ("20 Dienste").</summary>
    public bool AfterNumber(CueKind kind, ReadOnlySpan<char> folded)
    {
        if ((Kinds & kind) == 0)
        {
            return false;
        }

        for (int i = 0; i < _count; i++)
        {
            if ((_kinds[i] & kind) == 0 || _hits[i].Start < 3)
            {
                continue;
            }

            int end = _hits[i].Start - 1;
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
    public int Distinct(CueKind kind, int enough)
    {
        if ((Kinds & kind) == 0)
        {
            return 0;
        }

        Span<(int Entry, int Start, int End)> seen = stackalloc (int, int, int)[Math.Max(1, enough)];
        int count = 0;
        for (int i = 0; i < _count && count < enough; i++)
        {
            if ((_kinds[i] & kind) == 0)
            {
                continue;
            }

            CueHit hit = _hits[i];
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
