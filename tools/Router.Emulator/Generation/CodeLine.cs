namespace Router.Emulator.Generation;

/// <summary>One generated line: its nesting below the block's indentation and its text.</summary>
internal readonly record struct CodeLine(int Level, string Text);
