using System.Diagnostics.CodeAnalysis;

namespace Mimo.Grains.Email;

/// <summary>
/// Parsed templates by cache key, least recently used first out once <c>capacity</c> is reached.
/// Thread-safe; a template parsed twice by racing callers costs a parse, never a wrong answer.
/// </summary>
internal sealed class ParsedTemplateCache<TValue>(int capacity)
    where TValue : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, TValue Value)>> _entries =
        new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, TValue Value)> _recency = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public TValue GetOrAdd(string key, Func<TValue> create)
    {
        if (TryGet(key, out var cached))
        {
            return cached;
        }

        var created = create();
        Add(key, created);
        return created;
    }

    private bool TryGet(string key, [MaybeNullWhen(false)] out TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private void Add(string key, TValue value)
    {
        lock (_gate)
        {
            if (_entries.Remove(key, out var existing))
            {
                _recency.Remove(existing);
            }

            _entries[key] = _recency.AddFirst((key, value));
            while (_entries.Count > capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
        }
    }
}
