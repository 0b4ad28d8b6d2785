using Modular.Engine.Containers;
using Xunit;

namespace Modular.Engine.Tests.Containers;

public sealed class DefaultMountsTests
{
    [Fact]
    public void Each_line_becomes_a_read_only_volume_unless_the_container_mounts_its_target()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "# secrets\n/host/secrets:/run/secrets\n\n/etc/same\n");
            var request = new CreateContainerRequest
            {
                Image = "img",
                Volumes = ["/mine:/etc/same"],
            };

            var applied = DefaultMounts.Apply(request, file);

            Assert.Equal(["/mine:/etc/same", "/host/secrets:/run/secrets:ro"], applied.Volumes);
            Assert.Same(request, DefaultMounts.Apply(request, null));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
