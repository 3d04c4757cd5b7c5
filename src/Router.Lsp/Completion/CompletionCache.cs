namespace Router.Lsp.Completion;

/// <summary>Recent completions, served again without a model call when the user comes back to the same place, or
/// types ahead into the suggestion shown (as Tabby does): typing its first characters leaves the rest as the answer.</summary>
internal sealed class CompletionCache(int capacity = CompletionCache.DefaultCapacity)
{
    public const int DefaultCapacity = 64;

    /// <summary>Characters on each side of the cursor that must be unchanged for a cached completion to apply.</summary>
    public const int AnchorLength = 256;

    private readonly Lock _gate = new();
    private readonly LinkedList<CachedCompletion> _entries = new();

    /// <summary>Remembers a non-empty completion made at <paramref name="cursor"/> in <paramref name="text"/> by the request
    /// <paramref name="requestId"/>.</summary>
    public void Store(string documentUri, string text, int cursor, string completion, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(completion))
        {
            return;
        }

        int beforeStart = Math.Max(0, cursor - AnchorLength);
        CachedCompletion entry = new(
            documentUri,
            cursor,
            text[beforeStart..cursor],
            text.Substring(cursor, Math.Min(AnchorLength, text.Length - cursor)),
            completion,
            requestId);
        lock (_gate)
        {
            _entries.AddFirst(entry);
            while (_entries.Count > capacity)
            {
                _entries.RemoveLast();
            }
        }
    }

    /// <summary>What is left to insert at <paramref name="cursor"/>: a cached completion made here, or made earlier at a
    /// cursor the user has since typed its beginning from; null when none applies.</summary>
    public string? Find(string documentUri, string text, int cursor) => FindHit(documentUri, text, cursor)?.Remainder;

    /// <summary>As <see cref="Find"/>, with the request the cached completion came from.</summary>
    public CacheHit? FindHit(string documentUri, string text, int cursor)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            for (LinkedListNode<CachedCompletion>? node = _entries.First; node is not null; node = node.Next)
            {
                if (Remainder(node.Value, documentUri, text, cursor) is { } remainder)
                {
                    // Most recently used first, so a long typing streak keeps its entry.
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return new CacheHit(remainder, node.Value.RequestId);
                }
            }
        }

        return null;
    }

    /// <summary>Forgets everything, e.g. when the configuration names another model.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Forgets a closed document's completions.</summary>
    public void Forget(string documentUri)
    {
        lock (_gate)
        {
            for (LinkedListNode<CachedCompletion>? node = _entries.First; node is not null;)
            {
                LinkedListNode<CachedCompletion>? next = node.Next;
                if (node.Value.DocumentUri == documentUri)
                {
                    _entries.Remove(node);
                }

                node = next;
            }
        }
    }

    private static string? Remainder(CachedCompletion entry, string documentUri, string text, int cursor)
    {
        int typed = cursor - entry.Cursor;
        if (entry.DocumentUri != documentUri || typed < 0 || typed >= entry.Completion.Length || entry.Cursor < entry.Before.Length)
        {
            return null;
        }

        ReadOnlySpan<char> document = text;
        bool sameBefore = document.Slice(entry.Cursor - entry.Before.Length, entry.Before.Length).SequenceEqual(entry.Before);
        bool typedIntoSuggestion = document.Slice(entry.Cursor, typed).SequenceEqual(entry.Completion.AsSpan(0, typed));
        int afterLength = Math.Min(entry.After.Length, text.Length - cursor);
        bool sameAfter = afterLength == entry.After.Length && document.Slice(cursor, afterLength).SequenceEqual(entry.After);
        return sameBefore && typedIntoSuggestion && sameAfter ? entry.Completion[typed..] : null;
    }
}
