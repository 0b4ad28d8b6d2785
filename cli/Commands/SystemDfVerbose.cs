using System.Text;
using System.Text.Json.Nodes;
using Modular.Cli.Output;
using Modular.Engine.Maintenance;

namespace Modular.Cli.Commands;

/// <summary><c>system df -v</c>: Podman's three sections, each a table of its own.</summary>
public static class SystemDfVerbose
{
    private const string ImageRow =
        "table {{.Repository}}\t{{.Tag}}\t{{.ImageID}}\t{{.Created}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}";

    private const string ContainerRow =
        "table {{.ContainerID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.RWSize}}\t{{.Created}}\t{{.Status}}\t{{.Names}}";

    private const string VolumeRow = "table {{.VolumeName}}\t{{.Links}}\t{{.Size}}";

    public static string Render(SystemDfReport report, DateTimeOffset now)
    {
        var sb = new StringBuilder("Images space usage:\n\n");
        sb.Append(Table(ImageRow, report.Images.Select(i => Image(i, now)),
            new() { ["ImageID"] = "IMAGE ID", ["SharedSize"] = "SHARED SIZE", ["UniqueSize"] = "UNIQUE SIZE" }));
        sb.Append("\nContainers space usage:\n\n");
        sb.Append(Table(ContainerRow, report.Containers.Select(c => Container(c, now)),
            new() { ["ContainerID"] = "CONTAINER ID", ["LocalVolumes"] = "LOCAL VOLUMES", ["RWSize"] = "SIZE" }));
        sb.Append("\nLocal Volumes space usage:\n\n");
        sb.Append(Table(VolumeRow, report.Volumes.Select(Volume), new() { ["VolumeName"] = "VOLUME NAME" }));
        return sb.ToString();
    }

    private static string Table(
        string format,
        IEnumerable<JsonObject> rows,
        Dictionary<string, string> headers)
    {
        var fields = FieldsOf(format);
        return new ReportFormatter("df", headers).Render(format, [.. rows], fields, false);
    }

    private static List<string> FieldsOf(string format) =>
        [.. format.Split("{{.", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(p => p[..p.IndexOf('}')])];

    private static JsonObject Image(SystemDfImage i, DateTimeOffset now) => new()
    {
        ["Repository"] = i.Repository, ["Tag"] = i.Tag, ["ImageID"] = Short(i.ImageID),
        ["Created"] = HumanUnits.Duration(now - i.Created), ["Size"] = CompactSize.Of(i.Size),
        ["SharedSize"] = CompactSize.Of(i.SharedSize), ["UniqueSize"] = CompactSize.Of(i.UniqueSize),
        ["Containers"] = i.Containers,
    };

    private static JsonObject Container(SystemDfContainer c, DateTimeOffset now) => new()
    {
        ["ContainerID"] = Short(c.ContainerID), ["Image"] = c.Image.Length >= 12 ? c.Image[..12] : "",
        ["Command"] = string.Join(' ', c.Command), ["LocalVolumes"] = c.LocalVolumes,
        ["RWSize"] = CompactSize.Of(c.RWSize), ["Created"] = HumanUnits.Duration(now - c.Created),
        ["Status"] = c.Status, ["Names"] = c.Names,
    };

    private static JsonObject Volume(SystemDfVolume v) => new()
    {
        ["VolumeName"] = v.VolumeName, ["Links"] = v.Links, ["Size"] = CompactSize.Of(v.Size),
    };

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;
}
