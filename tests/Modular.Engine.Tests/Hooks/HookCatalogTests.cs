using Modular.Contracts.Errors;
using Modular.Hooks;
using Xunit;

namespace Modular.Engine.Tests.Hooks;

public sealed class HookCatalogTests : IDisposable
{
    private static readonly HookTarget Shell = new(
        "/bin/sh", new Dictionary<string, string> { ["org.example.team"] = "fluid-dynamics" }, false);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("modular-catalog-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Hooks_are_ordered_by_file_name_ignoring_case_and_later_folders_mask_earlier_ones()
    {
        var first = Folder("first");
        var second = Folder("second");
        Hook(first, "b.json", """{"always": true}""");
        Hook(first, "A.json", """{"always": true}""");
        Hook(second, "b.json", """{"always": true}""");
        Hook(first, "notes.txt", "not json");

        var catalog = HookCatalog.Load([first, second, Path.Combine(_dir.FullName, "missing")]);

        Assert.Equal(["A.json", "b.json"], catalog.Hooks.Select(hook => hook.Name));
        Assert.Equal(second, Path.GetDirectoryName(catalog.Hooks[1].FilePath));
        var masked = Assert.Single(catalog.Masked);
        Assert.Equal(Path.Combine(first, "b.json"), masked.FilePath);
        Assert.Empty(catalog.Errors);
    }

    [Theory]
    [InlineData("""{"always": true}""", true)]
    [InlineData("""{"always": false}""", false)]
    [InlineData("""{}""", false)]
    [InlineData("""{"annotations": {"^org\\.example\\.team$": "fluid"}}""", true)]
    [InlineData("""{"annotations": {"^org\\.example\\.team$": "^solid"}}""", false)]
    [InlineData("""{"always": true, "commands": ["^/bin/sh$"]}""", true)]
    [InlineData("""{"always": true, "commands": ["bash$"]}""", false)]
    [InlineData("""{"always": true, "hasBindMounts": true}""", false)]
    [InlineData("""{"commands": ["bash$", "sh$"]}""", true)]
    public void When_needs_every_condition_given(string when, bool fires)
    {
        var folder = Folder("d");
        Hook(folder, "h.json", when);

        var matches = HookCatalog.Load([folder]).Match(Shell);

        Assert.Equal(fires, matches.Count > 0);
    }

    [Fact]
    public void A_legacy_file_fires_when_any_of_its_conditions_holds()
    {
        var folder = Folder("d");
        File.WriteAllText(Path.Combine(folder, "old.json"),
            """{"hook": "/bin/true", "stages": ["prestart"], "cmds": ["nothing"], "annotations": ["fluid"]}""");

        var matches = HookCatalog.Load([folder]).Match(Shell);

        Assert.Equal("prestart", Assert.Single(matches).Stage);
    }

    [Fact]
    public void An_invalid_file_refuses_containers_but_a_missing_program_only_skips_its_file()
    {
        var folder = Folder("d");
        File.WriteAllText(Path.Combine(folder, "gone.json"),
            """{"version": "1.0.0", "hook": {"path": "/does/not/exist"}, "when": {"always": true}, "stages": []}""");
        var skippedOnly = HookCatalog.Load([folder]);
        File.WriteAllText(Path.Combine(folder, "bad.json"), "{");

        var invalid = HookCatalog.Load([folder]);

        skippedOnly.ThrowIfInvalid();
        Assert.False(Assert.Single(skippedOnly.Errors).Fatal);
        var error = Assert.Throws<InvalidInputException>(invalid.ThrowIfInvalid);
        Assert.StartsWith("setting up OCI Hooks: parsing hook ", error.Message);
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_dir.FullName, name)).FullName;

    private static void Hook(string folder, string name, string when) =>
        File.WriteAllText(Path.Combine(folder, name),
            $$"""{"version": "1.0.0", "hook": {"path": "/bin/true"}, "when": {{when}}, "stages": ["prestart"]}""");
}
