using System.Text;

namespace Mimo.Grains.Email;

/// <summary>
/// Builds readable plain text the way a browser lays out text: whitespace collapses to one space,
/// blocks start on a new line, paragraphs are separated by a blank line, and no line starts or
/// ends with spaces.
/// </summary>
internal sealed class PlainTextWriter
{
    private readonly StringBuilder _text = new();
    private int _pendingBreaks;
    private string? _pendingSeparator;

    /// <summary>How much has been written, to read what was written since with <see cref="Since"/>.</summary>
    public int Length => _text.Length;

    /// <summary>Writes flowing text: runs of whitespace become single spaces between words.</summary>
    public void Write(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            if (i > start)
            {
                WriteWord(text.AsSpan(start, i - start));
            }

            if (i < text.Length)
            {
                Separate(" ");
            }

            start = i + 1;
        }
    }

    /// <summary>Writes text exactly as it is, line breaks included (for <c>pre</c>).</summary>
    public void WritePreformatted(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                _text.Append('\n');
            }

            WriteWord(lines[i].TrimEnd());
        }
    }

    /// <summary>Writes text that starts a line and is never collapsed, like a list bullet.</summary>
    public void WritePrefix(string prefix)
    {
        BreakLine();
        Flush();
        _text.Append(prefix);
    }

    /// <summary>Puts <paramref name="separator"/> before the next word, unless a line starts there.</summary>
    public void Separate(string separator)
    {
        if (_pendingBreaks == 0 && !AtLineStart() && separator.Length > (_pendingSeparator?.Length ?? 0))
        {
            _pendingSeparator = separator;
        }
    }

    /// <summary>The next text starts on a new line (a block boundary).</summary>
    public void BreakLine() => RequestBreaks(1);

    /// <summary>A blank line comes before the next text (a paragraph boundary).</summary>
    public void BreakParagraph() => RequestBreaks(2);

    /// <summary>A hard line break (<c>&lt;br&gt;</c>): two in a row leave a blank line.</summary>
    public void AddLineBreak()
    {
        _pendingSeparator = null;
        if (_text.Length > 0)
        {
            _pendingBreaks++;
        }
    }

    /// <summary>The text written since <paramref name="start"/> (an earlier <see cref="Length"/>), trimmed.</summary>
    public string Since(int start) => _text.ToString(start, _text.Length - start).Trim();

    public override string ToString() => _text.ToString();

    private void RequestBreaks(int breaks)
    {
        _pendingSeparator = null;
        if (_text.Length > 0)
        {
            _pendingBreaks = Math.Max(_pendingBreaks, breaks);
        }
    }

    private void WriteWord(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return;
        }

        Flush();
        _text.Append(word);
    }

    private void Flush()
    {
        if (_pendingBreaks > 0)
        {
            _text.Append('\n', _pendingBreaks);
        }
        else if (_pendingSeparator is not null)
        {
            _text.Append(_pendingSeparator);
        }

        _pendingBreaks = 0;
        _pendingSeparator = null;
    }

    private bool AtLineStart() => _text.Length == 0 || _text[^1] == '\n';
}
