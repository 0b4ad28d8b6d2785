using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Modular.Remote.Services;

/// <summary>Docker's multiplexed frames: 1 byte stream, 3 zero bytes, 4 bytes big-endian length.</summary>
internal static class Frames
{
    public static async IAsyncEnumerable<(int Stream, byte[] Payload)> ReadAsync(
        Stream body,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var header = new byte[8];
        while (await FillAsync(body, header, cancellationToken))
        {
            var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4))];
            if (!await FillAsync(body, payload, cancellationToken))
            {
                yield break;
            }

            yield return (header[0], payload);
        }
    }

    /// <summary>False at the end of the stream; a connection reset is its end too.</summary>
    private static async Task<bool> FillAsync(
        Stream body,
        byte[] buffer,
        CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await ReadSomeAsync(body, buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    // The service ends a taken-over connection by aborting it, which may arrive as a reset.
    public static async Task<int> ReadSomeAsync(
        Stream body,
        Memory<byte> buffer,
        CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
