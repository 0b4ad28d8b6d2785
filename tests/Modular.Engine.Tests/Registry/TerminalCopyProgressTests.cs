using Modular.Engine.Registry;
using Xunit;

namespace Modular.Engine.Tests.Registry;

public sealed class TerminalCopyProgressTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_blob_bar_shows_sizes_and_is_redrawn_in_place_then_fixed_as_done()
    {
        var screen = new StringWriter();
        var progress = new TerminalCopyProgress(screen);

        progress.Message("Getting image source signatures");
        progress.BlobProgress(Digest, 5 << 20, 10 << 20);
        progress.BlobDone(Digest);

        var text = screen.ToString();
        Assert.StartsWith("Getting image source signatures\n", text);
        Assert.Contains("Copying blob 0123456789ab 5.0MiB / 10.0MiB [===============>", text);
        Assert.Contains("\u001b[1F\u001b[J", text);
        Assert.EndsWith("Copying blob 0123456789ab done\n", text);
    }

    [Fact]
    public void A_message_during_a_copy_goes_above_the_bars()
    {
        var screen = new StringWriter();
        var progress = new TerminalCopyProgress(screen);

        progress.BlobProgress(Digest, 1, 2);
        progress.Message("Writing manifest to image destination");

        var lines = screen.ToString().Split('\n');
        Assert.Contains("Writing manifest to image destination", lines[^3]);
        Assert.StartsWith("Copying blob 0123456789ab", lines[^2]);
    }
}
