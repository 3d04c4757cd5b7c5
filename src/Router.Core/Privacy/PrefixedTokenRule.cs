using System.Buffers;

namespace Router.Core.Privacy;

/// <summary>A provider credential recognised by its fixed prefix and the alphabet and length of what follows.</summary>
/// <param name="Detector">Stable detector id reported in findings.</param>
/// <param name="Description">Plain words for the finding; never the value.</param>
/// <param name="Prefix">Exact, case-sensitive prefix.</param>
/// <param name="Body">Characters allowed after the prefix.</param>
/// <param name="MinBody">Fewest body characters a real token has.</param>
/// <param name="MaxBody">Most body characters; a longer run is something else.</param>
/// <param name="MinEntropy">Least Shannon entropy (bits per character) of the body, to tell keys from <c>xxxx</c> stand-ins.</param>
internal sealed record PrefixedTokenRule(
    string Detector,
    string Description,
    string Prefix,
    SearchValues<char> Body,
    int MinBody,
    int MaxBody,
    double MinEntropy = 3.0);
