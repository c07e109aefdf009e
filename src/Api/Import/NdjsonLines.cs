using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Mimo.Api.Import;

/// <summary>One line of an NDJSON body: its number (from 1) and its bytes, or null when it was too long.</summary>
public sealed record NdjsonLine(int Number, byte[]? Content);

/// <summary>Splits a streamed body into lines without holding more than one line in memory.</summary>
public static class NdjsonLines
{
    public static async IAsyncEnumerable<NdjsonLine> ReadAsync(
        PipeReader reader,
        int maxLineBytes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        var skipping = false;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            while (TryTakeLine(ref buffer, out var line))
            {
                number++;
                var tooLong = skipping || line.Length > maxLineBytes;
                skipping = false;
                if (tooLong || !IsBlank(line))
                {
                    yield return new NdjsonLine(number, tooLong ? null : TrimCarriageReturn(line));
                }
            }

            if (buffer.Length > maxLineBytes)
            {
                // The line is already too long: drop what was read of it and remember to reject it.
                skipping = true;
                buffer = buffer.Slice(buffer.End);
            }

            if (read.IsCompleted)
            {
                if (skipping || buffer.Length > 0)
                {
                    number++;
                    var last = skipping ? null : TrimCarriageReturn(buffer);
                    if (last is null || last.Any(b => !IsWhitespace(b)))
                    {
                        yield return new NdjsonLine(number, last);
                    }
                }

                await reader.CompleteAsync();
                yield break;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, newline.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }

    private static byte[] TrimCarriageReturn(ReadOnlySequence<byte> line)
    {
        var bytes = line.ToArray();
        return bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes[..^1] : bytes;
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (!IsWhitespace(b))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r';
}
