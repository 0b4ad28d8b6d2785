using System.Security.Cryptography;

namespace Modular.Engine.Networks;

/// <summary>Network ids: 64 random hex digits, like Podman's (never a digest of anything).</summary>
public static class NetworkIds
{
    /// <summary>Podman's fixed id of its default network, which ours keeps, as Podman says never to change it.</summary>
    public const string Default = "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9";

    /// <summary>A new id that no existing id starts with and that starts with no existing one.</summary>
    public static string New(IEnumerable<string> existing)
    {
        var taken = existing.ToList();
        while (true)
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

            // Like Docker's ids, never all digits in the short form, so it cannot pass for a number.
            if (id[..12].All(char.IsAsciiDigit) || taken.Any(t => t.StartsWith(id[..12], StringComparison.Ordinal)))
            {
                continue;
            }

            return id;
        }
    }
}
