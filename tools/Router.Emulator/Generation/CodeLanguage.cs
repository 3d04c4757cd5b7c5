namespace Router.Emulator.Generation;

/// <summary>The language family a prefix looks like, which decides syntax of the continuation.</summary>
internal enum CodeLanguage
{
    CSharp,
    JavaScript,
    Python,
    Go,
    Rust,
}
