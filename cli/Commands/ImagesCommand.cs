using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Images;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>images</c> / <c>image ls</c>.</summary>
public static class ImagesCommand
{
    public static Command Create(CliContext context, string name)
    {
        var all = Switch("--all", "Include intermediate images too", "-a");
        var quiet = Switch("--quiet", "Print only image IDs", "-q");
        var noTrunc = Switch("--no-trunc", "Print IDs in full");
        var format = Value("--format", "Print as JSON or through a Go template, not a table");
        var filters = Values(
            "--filter",
            "List only images matching KEY=VALUE (reference, dangling, id)",
            "-f");
        var noHeading = Switch("--noheading", "Leave out the header line", "-n");
        var digests = Switch("--digests", "Add a column with each image's digest");
        var sort = Value("--sort", "Sort by created, id, repository, size or tag");
        // Podman's optional IMAGE operand is one more reference filter.
        var image = new Argument<string?>("IMAGE") { Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(name, "List the stored images")
            .With(all, quiet, noTrunc, format, filters, noHeading, digests, sort, image);
        return command.WithAction(context, "images", async (r, cancellationToken) =>
        {
            var images = await context.Images.ListAsync(r.GetValue(all), cancellationToken);
            string[] given = r.GetValue(image) is { } reference ? [$"reference={reference}"] : [];
            var selected = Filter(images, [.. r.GetValue(filters)!, .. given])
                .OrderByDescending(i => i.Created).ToList();
            var chosen = ReportFormatter.OrDefault(
                r.GetValue(format),
                r.GetValue(digests) ? ImageView.DigestsFormat : ImageView.DefaultFormat);
            Write(context, selected, r.GetValue(quiet), r.GetValue(noTrunc), chosen, r.GetValue(noHeading), r.GetValue(sort));
            return ExitCodes.Success;
        });
    }

    private static void Write(
        CliContext context,
        List<LocalImage> images,
        bool quiet,
        bool noTrunc,
        string format,
        bool noHeading,
        string? sort = null)
    {
        if (quiet)
        {
            foreach (var id in images.Select(i => ImageView.HexId(i.Id)).Distinct())
            {
                context.Out.WriteLine(noTrunc ? "sha256:" + id : id[..Math.Min(12, id.Length)]);
            }

            return;
        }

        if (JsonOutput.IsJsonFormat(format))
        {
            context.Out.WriteLine(JsonOutput.Array(images.Select(context.Images.Summarize)));
            return;
        }

        var now = context.Now();
        var rows = ImageListOrder.Sort(
            images.SelectMany(i => ImageView.Rows(i, context.Images.Summarize(i), noTrunc, now)).ToList(),
            sort);
        var fields = rows.FirstOrDefault()?.Select(p => p.Key) ?? ImageView.EmptyFields;
        var formatter = new ReportFormatter("images", ImageView.HeaderOverrides);
        context.Out.Write(formatter.Render(format, rows, fields, noHeading));
    }

    /// <summary>reference=PATTERN (glob on a name, with or without tag), dangling=true|false.</summary>
    public static IEnumerable<LocalImage> Filter(
        IEnumerable<LocalImage> images,
        IReadOnlyList<string> filters)
    {
        var all = images.ToList();
        images = all;
        foreach (var filter in filters)
        {
            var eq = filter.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException(
                    $"invalid image filter \"{filter}\": must be in the format \"filter=value or filter!=value\"");
            }

            var (key, value) = (filter[..eq], filter[(eq + 1)..]);
            images = key switch
            {
                "before" => ImageListOrder.ByTime(images, all, value, before: true),
                "after" or "since" => ImageListOrder.ByTime(images, all, value, before: false),
                "reference" => images.Where(i => i.Names.Any(n => MatchesReference(n, value))),
                "dangling" => images.Where(i => (i.Names.Count == 0) == (value != "false")),
                "readonly" => images.Where(i => i.ReadOnly == (value != "false")),
                "id" => images.Where(i => ImageView.HexId(i.Id).StartsWith(ImageView.HexId(value), StringComparison.Ordinal)),
                "label" => images.Where(i => HasLabel(i.Config.Labels, value)),
                _ => throw new UsageException($"invalid image filter \"{key}\""),
            };
        }

        return images;
    }

    /// <summary>label=KEY or label=KEY=VALUE, as Podman's image filter.</summary>
    private static bool HasLabel(IReadOnlyDictionary<string, string> labels, string value)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        return eq < 0
            ? labels.ContainsKey(value)
            : labels.TryGetValue(value[..eq], out var actual) && actual == value[(eq + 1)..];
    }

    /// <summary>
    /// A reference pattern matches a name when it matches the full name or its repository;
    /// a name's familiar form (without <c>localhost/</c> or <c>docker.io/library/</c>) counts too.
    /// </summary>
    public static bool MatchesReference(string name, string pattern)
    {
        var (repository, _) = ImageView.SplitName(name);
        string[] candidates = [name, repository, Familiar(name), Familiar(repository)];
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", "[^/]*", StringComparison.Ordinal)
            .Replace("\\?", "[^/]", StringComparison.Ordinal) + "$";
        return candidates.Any(c => Regex.IsMatch(c, regex));
    }

    private static string Familiar(string name)
    {
        foreach (var prefix in new[] { "localhost/", "docker.io/library/", "docker.io/" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }

    /// <summary>The rows a template sees for one image (used by tests).</summary>
    public static IReadOnlyList<JsonObject> ViewsOf(
        LocalImage image,
        JsonObject summary,
        DateTimeOffset now) =>
        ImageView.Rows(image, summary, false, now).ToList();
}
