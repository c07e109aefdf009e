using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Mimo.Api.Import;

/// <summary>One line of an NDJSON body: its number (from 1) and its bytes, or null when it was too long.</summary>
public sealed record NdjsonLine(int Number, byte[]? Content);

/// <summary>
/// Splits a streamed body into lines. It holds at most one read of the body plus one line in
/// memory: a line longer than the limit is dropped as it streams and reported as too long.
/// </summary>
public static class NdjsonLines
{
    public static async IAsyncEnumerable<NdjsonLine> ReadAsync(
        PipeReader reader,
        int maxLineBytes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var splitter = new Splitter(maxLineBytes);
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            var lines = splitter.Take(ref buffer, read.IsCompleted);
            reader.AdvanceTo(buffer.Start, buffer.End);

            foreach (var line in lines)
            {
                yield return line;
            }

            if (read.IsCompleted)
            {
                yield break;
            }
        }
    }

    /// <summary>The state that carries from one read to the next: the line count and an overlong line.</summary>
    private sealed class Splitter(int maxLineBytes)
    {
        private int _number;
        private bool _skipping;

        public List<NdjsonLine> Take(ref ReadOnlySequence<byte> buffer, bool isLastRead)
        {
            var lines = new List<NdjsonLine>();
            while (buffer.PositionOf((byte)'\n') is { } newline)
            {
                Add(lines, buffer.Slice(0, newline));
                buffer = buffer.Slice(buffer.GetPosition(1, newline));
            }

            if (isLastRead && (buffer.Length > 0 || _skipping))
            {
                Add(lines, buffer);
                buffer = buffer.Slice(buffer.End);
            }
            else if (buffer.Length > maxLineBytes)
            {
                // The line is already too long: drop what arrived of it and reject it when it ends.
                _skipping = true;
                buffer = buffer.Slice(buffer.End);
            }

            return lines;
        }

        private void Add(List<NdjsonLine> lines, ReadOnlySequence<byte> line)
        {
            _number++;
            var tooLong = _skipping || line.Length > maxLineBytes;
            _skipping = false;
            if (tooLong)
            {
                lines.Add(new NdjsonLine(_number, null));
                return;
            }

            var bytes = line.ToArray();
            var length = bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes.Length - 1 : bytes.Length;
            if (bytes.AsSpan(0, length).ContainsAnyExcept((byte)' ', (byte)'\t', (byte)'\r'))
            {
                lines.Add(new NdjsonLine(_number, bytes[..length]));
            }
        }
    }
}
