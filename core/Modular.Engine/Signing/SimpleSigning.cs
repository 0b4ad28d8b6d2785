using System.Text;
using System.Text.Json.Nodes;
using CliWrap;
using Modular.Contracts.Errors;

namespace Modular.Engine.Signing;

/// <summary>
/// "Simple signing" (containers/image's atomic container signature): a JSON payload naming
/// the Docker reference and the manifest digest, signed by GnuPG with the key the user
/// names, stored as <c>DIR/REPO@sha256=HEX/signature-N</c> at the first free N.
/// GnuPG finds its keys through GNUPGHOME as usual; nothing here creates key material.
/// </summary>
public static class SimpleSigning
{
    private const string Creator = "Modular modpod";

    /// <summary>Signs and stores; returns the path of the signature file written.</summary>
    /// <exception cref="BackendException">gpg is missing or refused to sign.</exception>
    public static async Task<string> SignAsync(
        string dockerReference,
        string repositoryPath,
        string manifestDigest,
        string keyIdentity,
        string directory,
        CancellationToken cancellationToken)
    {
        var payload = Payload(dockerReference, manifestDigest);
        var signature = await GpgSignAsync(payload, keyIdentity, cancellationToken);
        var folder = Path.Combine(directory, repositoryPath + "@" + manifestDigest.Replace(':', '='));
        Directory.CreateDirectory(folder);
        for (var n = 1; ; n++)
        {
            var file = Path.Combine(folder, $"signature-{n}");
            try
            {
                // CreateNew: two signers never overwrite each other's file.
                await using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                await stream.WriteAsync(signature, cancellationToken);
                return file;
            }
            catch (IOException) when (File.Exists(file))
            {
                // Taken: try the next number.
            }
        }
    }

    /// <summary>The JSON containers/image signs (its field names and type string).</summary>
    public static byte[] Payload(string dockerReference, string manifestDigest)
    {
        var json = new JsonObject
        {
            ["critical"] = new JsonObject
            {
                ["identity"] = new JsonObject { ["docker-reference"] = dockerReference },
                ["image"] = new JsonObject { ["docker-manifest-digest"] = manifestDigest },
                ["type"] = "atomic container signature",
            },
            ["optional"] = new JsonObject
            {
                ["creator"] = Creator,
                ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            },
        };
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private static async Task<byte[]> GpgSignAsync(
        byte[] payload,
        string keyIdentity,
        CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        var error = new StringBuilder();
        int exitCode;
        try
        {
            var result = await Cli.Wrap("gpg")
                .WithArguments(["--batch", "--no-tty", "--sign", "--local-user", keyIdentity])
                .WithStandardInputPipe(PipeSource.FromBytes(payload))
                .WithStandardOutputPipe(PipeTarget.ToStream(output))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(error))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(cancellationToken);
            exitCode = result.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BackendException($"initializing GPG: {e.Message}", e);
        }

        return exitCode == 0
            ? output.ToArray()
            : throw new BackendException($"signing data: {LastLine(error.ToString())}");
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "gpg failed";
}
