using Modular.Cli.Output;
using Modular.Engine.Maintenance;

namespace Modular.Cli.Commands;

/// <summary>One row of <c>system df</c>'s summary, computed as Podman's df.go does.</summary>
public sealed record SystemDfSummary(string Type, int Total, int Active, long RawSize, long RawReclaimable)
{
    public string Size => CompactSize.Of(RawSize);

    /// <summary>"12.3MB (45%)": the reclaimable part and its share of the size, rounded.</summary>
    public string Reclaimable =>
        $"{CompactSize.Of(RawReclaimable)} ({(RawSize > 0 ? (int)Math.Round((double)RawReclaimable / RawSize * 100, MidpointRounding.AwayFromZero) : 0)}%)";

    public static IReadOnlyList<SystemDfSummary> Rows(SystemDfReport report)
    {
        // An image with several names is listed once per name but counted active once.
        var used = report.Images.DistinctBy(i => i.ImageID).Where(i => i.Containers > 0).ToList();
        var running = report.Containers.Where(c => c.Status == "running").ToList();
        return
        [
            new("Images", report.Images.Count, used.Count, report.ImagesSize,
                report.ImagesSize - used.Sum(i => i.UniqueSize)),
            new("Containers", report.Containers.Count, running.Count, report.Containers.Sum(c => c.RWSize),
                report.Containers.Except(running).Sum(c => c.RWSize)),
            new("Local Volumes", report.Volumes.Count, report.Volumes.Sum(v => v.Links),
                report.Volumes.Sum(v => v.Size), report.Volumes.Sum(v => v.ReclaimableSize)),
        ];
    }
}
