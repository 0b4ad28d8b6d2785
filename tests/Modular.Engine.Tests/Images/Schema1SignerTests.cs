using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Modular.Engine.Images;
using Modular.Engine.Images.Schema1;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class Schema1SignerTests
{
    private const string Layer = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private static readonly byte[] Config = Encoding.UTF8.GetBytes("""
        {"architecture":"amd64","os":"linux","created":"2024-01-01T00:00:00Z",
         "config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":["x"]},
         "history":[{"created":"2024-01-01T00:00:00Z","created_by":"ADD busybox"},
                    {"created":"2024-01-01T00:00:01Z","created_by":"CMD [\"sh\"]","empty_layer":true}]}
        """);

    private static Schema1Signer.Signed Signed() =>
        Schema1Signer.Sign(Schema1Manifest.Payload("repo/name", "v1", Config, [Layer]), DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_signature_verifies_with_the_embedded_jwk()
    {
        var signed = Signed();
        using var document = JsonDocument.Parse(signed.Manifest);
        var signature = document.RootElement.GetProperty("signatures")[0];
        var jwk = signature.GetProperty("header").GetProperty("jwk");
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = FromBase64Url(jwk.GetProperty("x").GetString()!), Y = FromBase64Url(jwk.GetProperty("y").GetString()!) },
        });
        var protectedHeader = signature.GetProperty("protected").GetString()!;
        var payload = PayloadOf(signed.Manifest, protectedHeader);
        var input = Encoding.ASCII.GetBytes(protectedHeader + "." + Schema1Signer.Base64Url(payload));

        Assert.True(key.VerifyData(
            input,
            FromBase64Url(signature.GetProperty("signature").GetString()!),
            HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal(Schema1Signer.KeyId(key), jwk.GetProperty("kid").GetString());
        Assert.Equal("ES256", signature.GetProperty("header").GetProperty("alg").GetString());
    }

    [Fact]
    public void The_digest_is_the_payload_without_signatures()
    {
        var signed = Signed();
        using var document = JsonDocument.Parse(signed.Manifest);
        var protectedHeader = document.RootElement.GetProperty("signatures")[0].GetProperty("protected").GetString()!;

        var payload = PayloadOf(signed.Manifest, protectedHeader);

        Assert.Equal(Digests.Of(payload), signed.Digest);
        using var unsigned = JsonDocument.Parse(payload);
        Assert.False(unsigned.RootElement.TryGetProperty("signatures", out _));
    }

    [Fact]
    public void A_puller_finds_the_same_digest_and_knows_the_manifest_as_schema1()
    {
        var signed = Signed();

        Assert.Equal(signed.Digest, Schema1Converter.CanonicalDigest(signed.Manifest));
        Assert.True(Schema1Converter.IsSchema1(signed.Manifest, ""));
        Assert.False(Schema1Converter.IsSchema1("{\"schemaVersion\":2}"u8.ToArray(), ""));
    }

    [Fact]
    public void Layers_run_top_first_with_chained_ids_and_the_empty_layer_throwaway()
    {
        using var document = JsonDocument.Parse(Schema1Manifest.Payload("repo/name", "v1", Config, [Layer]));
        var root = document.RootElement;
        var blobs = root.GetProperty("fsLayers").EnumerateArray().Select(l => l.GetProperty("blobSum").GetString()).ToList();
        var history = root.GetProperty("history").EnumerateArray()
            .Select(h => JsonDocument.Parse(h.GetProperty("v1Compatibility").GetString()!).RootElement).ToList();

        Assert.Equal([EmptyLayer.Digest, Layer], blobs);
        Assert.True(history[0].GetProperty("throwaway").GetBoolean());
        Assert.Equal(history[1].GetProperty("id").GetString(), history[0].GetProperty("parent").GetString());
        Assert.Equal("sh", history[0].GetProperty("config").GetProperty("Cmd")[0].GetString());
        Assert.False(history[0].TryGetProperty("rootfs", out _));
        Assert.False(history[1].TryGetProperty("parent", out _));
        Assert.Equal(EmptyLayer.Digest, Digests.Of(EmptyLayer.Bytes()));
    }

    // libtrust's reading: payload = manifest[..formatLength] + formatTail.
    private static byte[] PayloadOf(byte[] manifest, string protectedHeader)
    {
        using var header = JsonDocument.Parse(FromBase64Url(protectedHeader));
        var length = header.RootElement.GetProperty("formatLength").GetInt32();
        var tail = FromBase64Url(header.RootElement.GetProperty("formatTail").GetString()!);
        return [.. manifest[..length], .. tail];
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
