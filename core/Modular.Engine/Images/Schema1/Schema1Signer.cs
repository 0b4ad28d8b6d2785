using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Modular.Engine.Images.Schema1;

/// <summary>
/// Signs a schema 1 payload the libtrust way (JWS, ES256, an ephemeral P-256 key): the
/// signature's protected header records where the payload's closing brace sits
/// (formatLength) and what follows it (formatTail), so a reader cuts the "signatures"
/// member out and gets the exact payload back; its sha256 is the manifest's digest.
/// </summary>
internal static class Schema1Signer
{
    /// <summary>A signed manifest and its digest (of the payload without signatures).</summary>
    public sealed record Signed(byte[] Manifest, string Digest);

    public static Signed Sign(byte[] payload, DateTimeOffset now)
    {
        var formatLength = FormatLength(payload);
        var tail = payload[formatLength..];
        var protectedHeader = Base64Url(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["formatLength"] = formatLength,
            ["formatTail"] = Base64Url(tail),
            ["time"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        })));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var input = Encoding.ASCII.GetBytes(protectedHeader + "." + Base64Url(payload));
        var signature = key.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var signatures = SignaturesJson(key, Base64Url(signature), protectedHeader);
        using var manifest = new MemoryStream();
        manifest.Write(payload, 0, formatLength);
        manifest.Write(Encoding.UTF8.GetBytes(",\n   \"signatures\": " + signatures));
        manifest.Write(tail);
        return new Signed(manifest.ToArray(), Digests.Of(payload));
    }

    /// <summary>Where the payload's last member ends: just past the last non-space before the final '}'.</summary>
    public static int FormatLength(byte[] payload)
    {
        var close = Array.FindLastIndex(payload, b => !IsSpace(b));
        if (close < 0 || payload[close] != (byte)'}')
        {
            throw new InvalidOperationException("a schema 1 payload must be a JSON object");
        }

        return Array.FindLastIndex(payload, close - 1, b => !IsSpace(b)) + 1;
    }

    /// <summary>libtrust's key id: the SPKI's sha256 cut to 240 bits, base32, in groups of four.</summary>
    public static string KeyId(ECDsa key)
    {
        var hash = SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..30];
        var text = Base32(hash);
        return string.Join(':', Enumerable.Range(0, text.Length / 4).Select(i => text.Substring(i * 4, 4)));
    }

    public static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string SignaturesJson(ECDsa key, string signature, string protectedHeader)
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var entry = new Dictionary<string, object>
        {
            ["header"] = new Dictionary<string, object>
            {
                ["jwk"] = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["crv"] = "P-256",
                    ["kid"] = KeyId(key),
                    ["kty"] = "EC",
                    ["x"] = Base64Url(point.X!),
                    ["y"] = Base64Url(point.Y!),
                },
                ["alg"] = "ES256",
            },
            ["signature"] = signature,
            ["protected"] = protectedHeader,
        };
        var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 3 };
        var text = JsonSerializer.Serialize(new[] { entry }, options);

        // The array sits one level deep in the manifest, so its lines carry one more indent.
        return text.Replace("\n", "\n   ", StringComparison.Ordinal);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
