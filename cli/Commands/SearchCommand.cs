using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Registry;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>search</c> (and <c>image search</c>): Podman 5's flags and output. The default table
/// is NAME and DESCRIPTION (<c>--compatible</c> adds Docker's STARS, OFFICIAL, AUTOMATED);
/// <c>--list-tags</c> prints NAME and TAG; JSON keeps Podman's field names.
/// </summary>
public static class SearchCommand
{
    private const int DescriptionWidth = 44;

    private static readonly string[] Fields =
        ["Index", "Name", "Description", "Stars", "Official", "Automated", "Tag"];

    public static Command Create(CliContext context)
    {
        var filter = Values("--filter", "Filter output based on conditions provided (default [])", "-f");
        var format = Value("--format", "Change the output format to JSON or a Go template");
        var limit = Number("--limit", "Limit the number of results");
        var noTrunc = Switch("--no-trunc", "Do not truncate the output");
        var compatible = Switch(
            "--compatible", "List stars, official and automated columns (Docker compatibility)");
        var authFile = Value(
            "--authfile",
            "Path of the authentication file. Use REGISTRY_AUTH_FILE environment variable to override");
        var creds = Value(
            "--creds", "Credentials (USERNAME:PASSWORD) to use for authenticating to a registry");
        var tlsVerify = new Option<bool?>("--tls-verify")
        {
            Description = "Require HTTPS and verify certificates when contacting registries",
        };
        var listTags = Switch("--list-tags", "List the tags of the input registry");
        var certDir = Value("--cert-dir", "Pathname of a directory containing TLS certificates and keys");
        var term = One("TERM");
        return new Command("search", "Search registry for image")
            .With(filter, format, limit, noTrunc, compatible, authFile, creds, tlsVerify, listTags)
            .With(certDir, term)
            .WithAction(context, "search", async (r, cancellationToken) =>
            {
                var request = new ImageSearchRequest(
                    r.GetValue(term)!,
                    r.GetValue(limit) ?? 0,
                    r.GetValue(filter) ?? [],
                    r.GetValue(noTrunc),
                    r.GetValue(listTags),
                    r.GetValue(tlsVerify),
                    r.GetValue(authFile),
                    r.GetValue(creds),
                    r.GetValue(certDir));
                var search = context.Services.GetRequiredService<ImageSearch>();
                var results = await search.SearchAsync(request, cancellationToken);
                Write(context, results, request, r.GetValue(format), r.GetValue(compatible));
                return ExitCodes.Success;
            });
    }

    private static void Write(
        CliContext context,
        IReadOnlyList<ImageSearchResult> results,
        ImageSearchRequest request,
        string? format,
        bool compatible)
    {
        // Podman prints nothing at all, not even a header, when nothing matched.
        if (results.Count == 0)
        {
            return;
        }

        var json = JsonOutput.IsJsonFormat(format);
        var keep = request.NoTrunc || json;
        var rows = results.Select(r => r with { Description = Shorten(r.Description, keep) }).ToList();
        if (json)
        {
            context.Out.WriteLine(request.ListTags ? TagsJson(rows) : JsonOutput.Array(rows.Select(ToJson)));
            return;
        }

        var chosen = format ?? DefaultFormat(request.ListTags, compatible);
        var text = new ReportFormatter("search", new Dictionary<string, string>())
            .Render(chosen, [.. rows.Select(ToJson)], Fields, noHeading: false);
        context.Out.Write(text);
    }

    /// <summary>Podman's own formats always print their header row.</summary>
    private static string DefaultFormat(bool listTags, bool compatible) =>
        listTags ? "table {{.Name}}\t{{.Tag}}"
        : compatible ? "table {{.Name}}\t{{.Description}}\t{{.Stars}}\t{{.Official}}\t{{.Automated}}"
        : "table {{.Name}}\t{{.Description}}";

    private static string Shorten(string description, bool keep)
    {
        var flat = description.Replace('\n', ' ');
        return flat.Length > DescriptionWidth && !keep ? flat[..DescriptionWidth].Trim() + "..." : flat;
    }

    private static JsonObject ToJson(ImageSearchResult r) => new()
    {
        ["Index"] = r.Index,
        ["Name"] = r.Name,
        ["Description"] = r.Description,
        ["Stars"] = r.Stars,
        ["Official"] = r.Official,
        ["Automated"] = r.Automated,
        ["Tag"] = r.Tag,
    };

    /// <summary>--list-tags --format json: one object per repository with all its tags.</summary>
    private static string TagsJson(IReadOnlyList<ImageSearchResult> rows) =>
        JsonOutput.Array(rows.GroupBy(r => r.Name).Select(g => (JsonNode)new JsonObject
        {
            ["Name"] = g.Key,
            ["Tags"] = new JsonArray([.. g.Select(r => (JsonNode?)JsonValue.Create(r.Tag))]),
        }));
}
