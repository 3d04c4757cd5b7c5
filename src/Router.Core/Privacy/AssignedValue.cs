namespace Router.Core.Privacy;

/// <summary>Where the value of a <c>name = value</c> assignment sits, and the syntax around it that tells code from configuration.</summary>
internal readonly record struct AssignedValue(
    int ValueStart,
    int ValueLength,
    bool Quoted,
    char Operator,
    bool SpaceBefore,
    bool SpaceAfter,
    bool InConnectionString,
    bool ConfigLine,
    bool QueryParameter);
