namespace Modular.Engine.Containers;

/// <summary>
/// Watches typed bytes for the detach sequence. Bytes that might begin the sequence are
/// held back; when the next byte breaks the match they are passed on after all, so a lone
/// ctrl-p still reaches the container.
/// </summary>
public sealed class DetachKeyFilter(byte[] keys)
{
    private int _matched;

    /// <summary>True once the whole sequence has been typed.</summary>
    public bool Detached { get; private set; }

    /// <summary>Returns what to send on from <paramref name="input"/>; stops at a detach.</summary>
    public byte[] Filter(ReadOnlySpan<byte> input)
    {
        if (keys.Length == 0)
        {
            return input.ToArray();
        }

        var output = new List<byte>(input.Length);
        foreach (var value in input)
        {
            if (value == keys[_matched])
            {
                _matched++;
                if (_matched == keys.Length)
                {
                    Detached = true;
                    return [.. output];
                }

                continue;
            }

            // The held prefix was ordinary input after all.
            output.AddRange(keys.AsSpan(0, _matched).ToArray());
            _matched = value == keys[0] ? 1 : 0;
            if (_matched == 0)
            {
                output.Add(value);
            }
        }

        return [.. output];
    }
}
