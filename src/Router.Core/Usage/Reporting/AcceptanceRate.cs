namespace Router.Core.Usage.Reporting;

/// <summary>How many shown completions of a model (in one language, or in all when <see cref="Language"/> is empty) the user
/// accepted. <see cref="Rate"/> is accepted over accepted plus dismissed; completions whose editor never reports accepts
/// stay <see cref="Unreported"/> and count in neither, so an editor that cannot tell shows unknown (null), not 0%.</summary>
public sealed record AcceptanceRate(
    string Model,
    string Language,
    int Shown,
    int Accepted,
    int Dismissed,
    int Unreported,
    long AcceptedCharacters,
    double? Rate);
