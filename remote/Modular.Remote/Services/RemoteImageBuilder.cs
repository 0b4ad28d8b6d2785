using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Modular.Contracts.Errors;
using Modular.Engine.Build;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>
/// <c>build</c> through the service: the context is tarred here (ignore rules applied), sent
/// to POST /libpod/build with Podman's parameters, and the service's output lines are
/// written as the local build writes them. The last line, the image ID, is returned for the
/// command to print, as the local builder returns it.
/// </summary>
public sealed partial class RemoteImageBuilder(LibpodClient libpod) : IImageBuilder
{
    public async Task<string> BuildAsync(BuildOptions options, CancellationToken cancellationToken)
    {
        RefuseUncarried(options);
        var (dockerfile, extra) = Containerfile(options);
        var secretNames = AddSecretFiles(options, extra);
        await using var spool = new FileStream(
            Path.Combine(Path.GetTempPath(), $"modpod-remote-build-{Guid.NewGuid():N}"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await BuildContextTar.WriteAsync(options, dockerfile is null ? [] : [dockerfile], extra, spool, cancellationToken);
        spool.Position = 0;
        using var content = new StreamContent(spool);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        if (BuildAuthConfig.Read(options.AuthFile) is { } auth)
        {
            content.Headers.Add(BuildAuthConfig.Header, auth);
        }

        using var response = await libpod.SendContentAsync(
            HttpMethod.Post, "libpod/build" + BuildParameters.Query(options, dockerfile ?? ContainerfileName(extra), secretNames),
            content, cancellationToken);
        return await RelayAsync(response, options.Output, Path.GetFullPath(options.ContextDirectory), cancellationToken);
    }

    /// <summary>Flags the build query does not carry fail before anything is sent, not silently.</summary>
    private static void RefuseUncarried(BuildOptions options)
    {
        var flags = new (bool Given, string Flag)[]
        {
            // Podman's build API has no runtime parameter: the service's runtime runs RUN steps.
            (options.Runtime is not null, "--runtime"),
        };
        if (flags.FirstOrDefault(f => f.Given) is { Flag: { } flag })
        {
            throw new CapabilityMissingException($"build {flag} is not supported by the modpod remote client yet");
        }
    }

    /// <summary>Each --secret file goes inside the context under a name of its own, as Podman's client sends it.</summary>
    private static Dictionary<string, string> AddSecretFiles(BuildOptions options, Dictionary<string, string> extra)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path) in options.Secrets)
        {
            var name = $".secret-{Guid.NewGuid():N}";
            extra[name] = File.ReadAllText(path);
            names[id] = name;
        }

        return names;
    }

    private static string? ContainerfileName(Dictionary<string, string> extra) =>
        extra.Keys.FirstOrDefault(k => k.StartsWith(".containerfile-", StringComparison.Ordinal));

    /// <summary>
    /// The Containerfile's name in the sent context: its path there when it lies inside, else
    /// (outside the context, or read from stdin) its text sent under a name of its own.
    /// </summary>
    private static (string? InContext, Dictionary<string, string> Extra) Containerfile(BuildOptions options)
    {
        if (options.ContainerfilePaths is not [var file, ..])
        {
            return (null, []);
        }

        var context = Path.GetFullPath(options.ContextDirectory).TrimEnd('/') + "/";
        var full = file == "-" ? "" : Path.GetFullPath(file);
        if (full.StartsWith(context, StringComparison.Ordinal) && File.Exists(full))
        {
            return (full[context.Length..], []);
        }

        return (null, new Dictionary<string, string> { [$".containerfile-{Guid.NewGuid():N}"] = options.Containerfile });
    }

    /// <summary>Writes each output line; holds the newest back, which at the end is the ID.</summary>
    private static async Task<string> RelayAsync(
        HttpResponseMessage response,
        TextWriter output,
        string contextDirectory,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? held = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0 || JsonNode.Parse(line) is not JsonObject json)
            {
                continue;
            }

            if (json["error"]?.GetValue<string>() is { } error)
            {
                Write(output, held);
                await output.FlushAsync(cancellationToken);
                // The service unpacked the context in a temp dir of its own; the local
                // build names the user's directory.
                throw Failure(ServerContext().Replace(error.Trim(), _ => contextDirectory.TrimEnd('/')));
            }

            if (json["stream"]?.GetValue<string>() is { } text)
            {
                Write(output, held);
                held = text;
            }
        }

        await output.FlushAsync(cancellationToken);
        return held is not null && IdLine().IsMatch(held)
            ? held.TrimEnd('\n')
            : throw new BackendException("the service ended the build without an image ID");
    }

    private static void Write(TextWriter output, string? text)
    {
        if (text is not null)
        {
            output.Write(text);
        }
    }

    /// <summary>A failed RUN keeps its step, its runtime's words and its exit status.</summary>
    private static Exception Failure(string message)
    {
        var run = RunFailure().Match(message);
        if (!run.Success)
        {
            return new BackendException(message);
        }

        var detail = run.Groups["detail"].Success ? run.Groups["detail"].Value : null;
        return new BuildRunException(run.Groups["step"].Value, int.Parse(run.Groups["code"].Value), detail);
    }

    [GeneratedRegex(@"/[^\s""']*/tmp/build-context-[0-9a-f]{32}")]
    private static partial Regex ServerContext();

    [GeneratedRegex("^[0-9a-f]{64}\n?$")]
    private static partial Regex IdLine();

    [GeneratedRegex("^building at STEP \"(?<step>.*)\": while running runtime: (?:(?<detail>.*): )?exit status (?<code>[0-9]+)$", RegexOptions.Singleline)]
    private static partial Regex RunFailure();
}
