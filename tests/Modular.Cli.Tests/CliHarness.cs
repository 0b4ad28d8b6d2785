using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;
using Modular.Cli.Parsing;
using Modular.Engine.Containers;
using Modular.Engine.Events;
using Modular.Engine.Images;

namespace Modular.Cli.Tests;

/// <summary>Runs modpod's command line in-process against the fake services.</summary>
public sealed class CliHarness
{
    public FakeContainerService Containers { get; } = new();
    public FakeImageService Images { get; } = new();
    public FakeEventLog Events { get; } = new();
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch.AddDays(10);

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var services = new ServiceCollection()
            .AddSingleton<IContainerService>(Containers)
            .AddSingleton<IImageService>(Images)
            .AddSingleton<IEventLog>(Events)
            .BuildServiceProvider();
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var attached = new MemoryStream();
        var split = ArgvSplitter.Split(args);
        await using var context = new CliContext(stdout, stderr, split.ContainerCommand)
        {
            ServiceOverride = services,
            OpenStdout = () => new NonClosingStream(attached),
            OpenStderr = () => new NonClosingStream(attached),
            Now = () => Now,
        };
        var code = await ModpodCommandLine.InvokeAsync(context, split.ParserArguments, CancellationToken.None);
        return (code, Encoding.UTF8.GetString(attached.ToArray()) + stdout, stderr.ToString());
    }

    /// <summary>Lets the CLI dispose its stream while the test still reads the buffer.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
