using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Images;

/// <summary>sha256 digests in their OCI text form, <c>sha256:HEX</c>.</summary>
public static partial class Digests
{
    /// <summary>The digest of <paramref name="data"/>.</summary>
    public static string Of(ReadOnlySpan<byte> data) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>The 64 hex digits of a validated digest.</summary>
    /// <exception cref="InvalidInputException">Not a sha256 digest.</exception>
    public static string Hex(string digest)
    {
        if (!Pattern().IsMatch(digest))
        {
            throw new InvalidInputException($"unsupported digest \"{digest}\"");
        }

        return digest[7..];
    }

    /// <summary>True for <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public static bool IsValid(string? digest) => digest is not null && Pattern().IsMatch(digest);

    /// <summary>The chain id of a layer: its diff id alone, or sha256 of "parent diff".</summary>
    public static string Chain(string? parentChainId, string diffId) =>
        parentChainId is null
            ? diffId
            : Of(System.Text.Encoding.ASCII.GetBytes($"{parentChainId} {diffId}"));

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Pattern();
}
