using Modular.Contracts.Errors;

namespace Modular.Engine.Containers;

/// <summary>
/// The key sequence that detaches a client, written as Podman and Docker write it:
/// comma-separated keys, each one character, <c>ctrl-@</c> to <c>ctrl-_</c>, or <c>DEL</c>.
/// An empty sequence turns detaching off.
/// </summary>
public static class DetachKeys
{
    public const string Default = "ctrl-p,ctrl-q";

    // ctrl-@ is 0, ctrl-a is 1 ... ctrl-_ is 31: the ASCII control codes in order.
    private const string ControlLetters = "@abcdefghijklmnopqrstuvwxyz[\\]^_";

    /// <exception cref="InvalidInputException">A key is neither a character nor a known name.</exception>
    public static byte[] Parse(string keys)
    {
        if (keys.Length == 0)
        {
            return [];
        }

        return keys.Split(',').Select(ParseKey).ToArray();
    }

    private static byte ParseKey(string key)
    {
        if (key.Length == 1)
        {
            return (byte)key[0];
        }

        if (key == "DEL")
        {
            return 127;
        }

        var index = key.StartsWith("ctrl-", StringComparison.Ordinal) && key.Length == 6
            ? ControlLetters.IndexOf(key[5], StringComparison.Ordinal)
            : -1;
        return index >= 0
            ? (byte)index
            : throw new InvalidInputException($"invalid detach keys: Unknown character: '{key}'");
    }
}
