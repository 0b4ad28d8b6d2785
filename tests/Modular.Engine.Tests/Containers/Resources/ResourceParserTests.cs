using Modular.Contracts.Errors;
using Modular.Engine.Containers.Resources;
using Xunit;

namespace Modular.Engine.Tests.Containers.Resources;

public sealed class ResourceParserTests
{
    [Theory]
    [InlineData("32m", 33554432)]
    [InlineData("1g", 1073741824)]
    [InlineData("512k", 524288)]
    [InlineData("1.5g", 1610612736)]
    [InlineData("100", 100)]
    [InlineData("64MiB", 67108864)]
    [InlineData("64mb", 67108864)]
    public void Sizes_use_powers_of_1024(string text, long bytes) =>
        Assert.Equal(bytes, ByteSize.Parse(text, "memory"));

    [Fact]
    public void A_bad_size_names_the_flag_and_the_value()
    {
        var error = Assert.Throws<InvalidInputException>(() => ByteSize.Parse("12q", "memory-swap"));

        Assert.Equal("invalid value for memory-swap: invalid size: '12q'", error.Message);
    }

    [Fact]
    public void Memory_alone_gets_twice_as_much_swap()
    {
        var resources = ResourceParser.ForCreate(new ResourceFlags { Memory = "32m" }, 2048);

        Assert.Equal(33554432, resources.MemoryLimit);
        Assert.Equal(67108864, resources.MemorySwap);
        Assert.Equal(2048, resources.PidsLimit);
    }

    [Fact]
    public void Cpus_become_a_quota_over_a_100ms_period()
    {
        var resources = ResourceParser.ForCreate(new ResourceFlags { Cpus = "1.5" }, 0);

        Assert.Equal(150000, resources.CpuQuota);
        Assert.Equal(100000UL, resources.CpuPeriod);
        Assert.Equal(1500000000, resources.NanoCpus);
        Assert.Null(resources.PidsLimit);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Pids_limit_zero_or_minus_one_means_none(long value) =>
        Assert.Null(ResourceParser.ForCreate(new ResourceFlags { PidsLimit = value }, 2048).PidsLimit);

    [Fact]
    public void Update_keeps_what_it_is_not_given()
    {
        var created = ResourceParser.ForCreate(new ResourceFlags { Memory = "64m", CpuShares = 512 }, 2048);

        var updated = ResourceParser.Apply(created, new ResourceFlags { PidsLimit = 60 });

        Assert.Equal(67108864, updated.MemoryLimit);
        Assert.Equal(512UL, updated.CpuShares);
        Assert.Equal(60, updated.PidsLimit);
    }

    [Fact]
    public void Update_of_memory_alone_doubles_the_swap_again()
    {
        var created = ResourceParser.ForCreate(new ResourceFlags { Memory = "64m" }, 2048);

        var updated = ResourceParser.Apply(created, new ResourceFlags { Memory = "128m" });

        Assert.Equal(268435456, updated.MemorySwap);
    }

    [Fact]
    public void Spec_resources_hold_podmans_values()
    {
        var resources = ResourceParser.ForCreate(
            new ResourceFlags { Memory = "32m", Cpus = "0.5", BlkioWeight = 300, OomKillDisable = true }, 50);

        var json = ResourceSpec.Build(resources).ToJsonString();

        Assert.Equal(
            "{\"memory\":{\"limit\":33554432,\"swap\":67108864,\"disableOOMKiller\":true},"
            + "\"cpu\":{\"quota\":50000,\"period\":100000},\"pids\":{\"limit\":50},\"blockIO\":{\"weight\":300}}",
            json);
    }

    [Fact]
    public void Cgroup_parent_replaces_the_default_parent()
    {
        var resources = ResourceParser.ForCreate(new ResourceFlags { CgroupParent = "mine" }, 2048);

        Assert.Equal("/mine/modular-abc", CgroupPlacement.PathFor("cgroupfs", "abc", resources));
        Assert.Equal("/modular_parent/modular-abc", CgroupPlacement.PathFor("cgroupfs", "abc", new ContainerResources()));
    }

    [Fact]
    public void Mountinfo_tells_a_hybrid_host_from_a_unified_one()
    {
        string[] hybrid =
        [
            "30 25 0:26 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
            "31 25 0:27 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw",
        ];
        string[] unified = ["30 25 0:26 / /sys/fs/cgroup rw,relatime shared:4 - cgroup2 cgroup2 rw"];

        Assert.False(CgroupLayout.Read(hybrid).IsUnified);
        Assert.Equal("/sys/fs/cgroup/memory", CgroupLayout.Read(hybrid).MountOf("memory"));
        Assert.True(CgroupLayout.Read(unified).IsUnified);
    }
}
