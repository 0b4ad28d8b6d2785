namespace Modular.EndToEnd.Fixtures;

/// <summary>A fresh store for one test; `await using` cleans it up even when the test fails.</summary>
public sealed class OwnedStore(ModpodFixture fixture) : IAsyncDisposable
{
    public ModpodFixture Fixture { get; } = fixture;

    public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
}
