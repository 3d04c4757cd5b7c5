using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Router.Core.Configuration;

/// <summary>Reads the first YAML document of a configuration file into <see cref="ConfigNode"/>s under
/// <see cref="ConfigLimits"/>; every fault, the parser's own included, becomes a diagnostic with line and key path.</summary>
/// <remarks>
/// The tree is built from the parser's events on an explicit stack, so no nesting can overflow the call stack, and
/// nesting past <see cref="ConfigLimits.MaxDepth"/> stops the read. An alias shares its anchor's node; its expanded size
/// is counted as it is used, so a "billion laughs" stops at the alias that crosses the bound, key or value.
/// </remarks>
internal sealed class BoundedYamlReader
{
    private readonly string _text;
    private readonly ConfigLimits _limits;
    private readonly ConfigProblems _problems;
    private readonly TextFault? _fault;
    private readonly List<OpenCollection> _open = [];
    private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);
    private int _aliases;
    private long _lastLine = 1;
    private string? _faultPath;
    private string _lastPath = "";
    private ConfigNode? _root;

    private BoundedYamlReader(string text, ConfigLimits limits, ConfigProblems problems, TextFault? fault)
    {
        _text = text;
        _limits = limits;
        _problems = problems;
        _fault = fault;
    }

    /// <summary>The document's root node; null after an error diagnostic when the file cannot be read as a whole.</summary>
    /// <param name="fault">A character or byte already found not to be text: the read goes on with it replaced, only to
    /// name the key it is in, and then fails.</param>
    public static ConfigNode? Read(string text, ConfigLimits limits, ConfigProblems problems, TextFault? fault)
    {
        BoundedYamlReader reader = new(ConfigText.Sanitize(text), limits, problems, fault ?? ConfigText.FindDisallowed(text));
        bool read = reader.ReadDocument();
        if (reader._fault is { } found)
        {
            string path = reader._faultPath is { Length: > 0 } seen ? seen : IndentationKeyPath.At(reader._text, found.Line);
            problems.Error(found.Line, path, found.Message);
            return null;
        }

        // A file of comments only has no document at all: that reads as empty, like "key:" with nothing after it.
        return read ? reader._root ?? new ConfigScalar("", 1) : null;
    }

    private bool ReadDocument()
    {
        Parser parser = new(new StringReader(_text));
        bool documentRead = false;
        while (true)
        {
            ParsingEvent? current;
            try
            {
                current = parser.MoveNext() ? parser.Current : null;
            }
            catch (YamlException ex)
            {
                SyntaxError(ex.Start.Line, YamlMessage(ex), parserBroke: false);
                return false;
            }
#pragma warning disable CA1031 // YamlDotNet 16 throws InvalidOperationException and others on some malformed input (an unclosed '[' before more text); none may escape.
            catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                SyntaxError(_lastLine, "the parser stopped here", parserBroke: true);
                return false;
            }

            switch (current)
            {
                case null or StreamEnd:
                    return true;
                case DocumentStart when documentRead:
                    _problems.Warning(current.Start.Line, "", "only the first YAML document is read; the rest of the file is ignored");
                    return true;
                case DocumentEnd:
                    documentRead = true;
                    break;
                case StreamStart or DocumentStart or Comment:
                    break;
                default:
                    _lastLine = current.End.Line;
                    if (!Take(current))
                    {
                        return false;
                    }

                    break;
            }
        }
    }

    private bool Take(ParsingEvent current)
    {
        if (current is not (MappingEnd or SequenceEnd))
        {
            _lastPath = PathOf(current);
        }

        if (_fault is not null && current.Start.Line <= _fault.Line)
        {
            // A character that is not text is reported under the key of the last node that starts on or before its line.
            _faultPath = _lastPath;
        }

        switch (current)
        {
            case Scalar scalar:
                return Deliver(new ConfigScalar(scalar.Value, scalar.Start.Line), AnchorOf(scalar.Anchor));
            case AnchorAlias alias:
                return DeliverAlias(alias);
            case SequenceStart start:
                return Open(isMapping: false, start.Style == SequenceStyle.Flow, start);
            case MappingStart start:
                return Open(isMapping: true, start.Style == MappingStyle.Flow, start);
            case SequenceEnd or MappingEnd when _open.Count > 0:
                OpenCollection closed = _open[^1];
                _open.RemoveAt(_open.Count - 1);
                return Deliver(closed.Close(), closed.Anchor);
            default:
                return true;
        }
    }

    private bool Open(bool isMapping, bool isFlow, NodeEvent start)
    {
        string path = _open.Count == 0 ? "" : _open[^1].ChildPath;
        if (_open.Count >= _limits.MaxDepth)
        {
            _problems.Error(start.Start.Line, path, Invariant($"nested deeper than {_limits.MaxDepth} levels"));
            return false;
        }

        _open.Add(new OpenCollection(isMapping, isFlow, start.Start.Line, path, AnchorOf(start.Anchor)));
        return true;
    }

    private bool DeliverAlias(AnchorAlias alias)
    {
        long line = alias.Start.Line;
        string name = ConfigText.Excerpt(alias.Value.Value);
        if (++_aliases > _limits.MaxAliases)
        {
            _problems.Error(line, AliasPath(line), Invariant($"more than {_limits.MaxAliases} aliases (*name) in one file"));
            return false;
        }

        if (!_anchors.TryGetValue(alias.Value.Value, out ConfigNode? target))
        {
            _problems.Error(line, AliasPath(line), $"alias *{name} names no anchor &{name} defined before it");
            return false;
        }

        if (_open.Count + target.Height > _limits.MaxDepth)
        {
            _problems.Error(line, AliasPath(line), Invariant($"alias *{name} nests deeper than {_limits.MaxDepth} levels"));
            return false;
        }

        return Deliver(target, anchor: null, alias.Start.Line);
    }

    private bool Deliver(ConfigNode node, string? anchor, long? line = null)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = node;
        }

        if (_open.Count == 0)
        {
            _root ??= node;
            return true;
        }

        OpenCollection parent = _open[^1];
        string path = parent.ChildPath;
        parent.Add(node, _problems, line => IndentationKeyPath.At(_text, line));
        if (parent.ExpandedSize > _limits.MaxExpandedSize)
        {
            // Every collection's size includes its children's, so the innermost one is the first to cross the bound.
            _problems.Error(line ?? node.Line, path, Invariant(
                $"aliases expand this file past {_limits.MaxExpandedSize} nodes and characters (a \"billion laughs\"?)"));
            return false;
        }

        return true;
    }

    // An alias used as a key at the top has no path of its own yet; its line's indentation still says where it is.
    private string AliasPath(long line) =>
        _open.Count > 0 && _open[^1].ChildPath is { Length: > 0 } path ? path : IndentationKeyPath.At(_text, line);

    // The key path of the node an event starts: a key names itself, anything else takes the path its parent gives it.
    private string PathOf(ParsingEvent current) =>
        _open.Count == 0 ? ""
        : current is Scalar scalar && _open[^1].ExpectsKey ? OpenCollection.Join(_open[^1].Path, scalar.Value)
        : _open[^1].ChildPath;

    /// <param name="parserBroke">The parser threw something other than a YAML error, so its position is unknown.</param>
    private void SyntaxError(long line, string message, bool parserBroke)
    {
        if (_fault is not null)
        {
            if (line >= _fault.Line)
            {
                // The parse failed on the fault's replacement or after it; the fault is the cause worth reporting.
                _faultPath ??= CurrentPath();
                return;
            }

            // The file broke before the fault: both are reported, and the fault's key is judged by indentation.
            _faultPath = null;
        }

        // The parser reports a tab used for indentation at the start of the block it breaks, or as some other fault
        // further on; the tab itself is what to fix.
        long tabsUpTo = message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? long.MaxValue : line;
        if (LineWithIndentingTab(_lastLine, tabsUpTo) is { } tabLine)
        {
            _problems.Error(tabLine, PathAt(tabLine), "not valid YAML: a tab indents this line; YAML indents with spaces only");
            return;
        }

        if (_open.FirstOrDefault(c => c.IsFlow) is { } flow && (parserBroke || line > flow.Line))
        {
            // An unclosed bracket lets the parser read on into the following lines; the bracket is where the fix goes.
            char closer = flow.IsMapping ? '}' : ']';
            string stopped = parserBroke ? "" : Invariant($" (the parser stopped at line {line}: {message})");
            _problems.Error(flow.Line, flow.Path, $"not valid YAML: the '{flow.Opener}' opened on this line is not closed by '{closer}'{stopped}");
            return;
        }

        _problems.Error(line, PathAt(line), $"not valid YAML: {message}");
    }

    // Where parsing stopped: inside the innermost open collection, or, when the parser had closed every block back to the
    // top before it failed, next to the last key it read.
    private string CurrentPath() => _open.Count switch
    {
        0 => _lastPath,
        1 when _open[0].ChildPath.Length == 0 => _lastPath,
        _ => _open[^1].ChildPath,
    };

    private string PathAt(long line) => CurrentPath() is { Length: > 0 } path ? path : IndentationKeyPath.At(_text, line);

    private long? LineWithIndentingTab(long from, long to)
    {
        long line = 1;
        bool indent = true;
        for (int i = 0; i < _text.Length; i++)
        {
            char c = _text[i];
            if (c == '\n' || (c == '\r' && (i + 1 == _text.Length || _text[i + 1] != '\n')))
            {
                if (++line > to)
                {
                    return null;
                }

                indent = true;
            }
            else if (indent && c == '\t' && line >= from)
            {
                return line;
            }
            else if (c is not (' ' or '\t' or '\r'))
            {
                indent = false;
            }
        }

        return null;
    }

    private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static string YamlMessage(YamlException ex)
    {
        // "(Line: 3, Col: 1, Idx: 20) - (Line: 3, Col: 2, Idx: 21): While parsing ..." -> "While parsing ...".
        string message = ex.Message;
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
