using System.CommandLine;
using Modular.Cli.Errors;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The options of <c>ps</c>, with Podman's checks between them.</summary>
public sealed class PsFlags
{
    private readonly Option<bool> _all = Switch("--all", "Include containers that are not running", "-a");
    private readonly Option<bool> _quiet = Switch("--quiet", "Print only container IDs", "-q");
    private readonly Option<bool> _noTrunc = Switch("--no-trunc", "Print IDs in full");
    private readonly Option<string?> _format =
        Value("--format", "Print as JSON or through a Go template, not a table");
    private readonly Option<string[]> _filters =
        Values("--filter", "List only containers matching KEY=VALUE", "-f");
    private readonly Option<bool> _noHeading = Switch("--noheading", "Leave out the header line");
    private readonly Option<bool> _latest = Switch("--latest", "Show only the newest container", "-l");
    private readonly Option<int?> _last = Number("--last", "Show the N newest containers, in any state", "-n");
    private readonly Option<string?> _sort = Value(
        "--sort",
        "Sort output by: " + string.Join(", ", PsSort.Choices));
    private readonly Option<bool> _size = Switch("--size", "Display the total file sizes", "-s");
    private readonly Option<bool> _ns = Switch("--ns", "Display namespace information");
    private readonly Option<bool> _pod =
        Switch("--pod", "Print the ID and name of the pod of each container", "-p");
    private readonly Option<bool> _external =
        Switch("--external", "Show containers in storage not controlled by Modular");
    private readonly Option<bool> _sync = Switch("--sync", "Sync container state with the OCI runtime");

    public Symbol[] All() =>
    [
        _all, _quiet, _noTrunc, _format, _filters, _noHeading, _latest, _last, _sort, _size, _ns,
        _pod, _external, _sync,
    ];

    public PsRequest Read(ParseResult r)
    {
        var request = new PsRequest(
            r.GetValue(_all),
            r.GetValue(_quiet),
            r.GetValue(_noTrunc),
            r.GetValue(_format),
            r.GetValue(_filters) ?? [],
            r.GetValue(_noHeading),
            r.GetValue(_latest),
            r.GetValue(_last),
            r.GetValue(_sort),
            r.GetValue(_size),
            r.GetValue(_ns),
            r.GetValue(_pod) || (r.GetValue(_format)?.Contains(".PodName", StringComparison.Ordinal) ?? false))
        {
            External = r.GetValue(_external),
        };
        Check(request);
        return request;
    }

    // Podman's checkFlags, in its order and words.
    private static void Check(PsRequest request)
    {
        PsSort.Validate(request.Sort);
        if (request.Last is >= 0 && request.Latest)
        {
            throw new UsageException("last and latest are mutually exclusive");
        }

        if (request.Quiet && (request.Size || request.Namespaces))
        {
            throw new UsageException("quiet conflicts with size and namespace");
        }

        if (request.Size && request.Namespaces)
        {
            throw new UsageException("size and namespace options conflict");
        }
    }
}
