using Modular.Cli.Errors;
using Modular.Cli.Templates;
using Modular.Contracts.Errors;

namespace Modular.Cli.Tests;

public sealed class ErrorMapperTests
{
    public static TheoryData<string, Exception, int> Cases => new()
    {
        { "rm", new NotFoundException("no such container"), 1 },
        { "container rm", new NotFoundException("no such container"), 1 },
        { "rm", new WrongStateException("running"), 2 },
        { "rmi", new NotFoundException("no such image"), 1 },
        { "image rm", new WrongStateException("in use"), 2 },
        { "stop", new NotFoundException("no such container"), 125 },
        { "inspect", new NotFoundException("no such object"), 125 },
        { "run", new CannotInvokeException("permission denied"), 126 },
        { "run", new CommandNotFoundException("not found"), 127 },
        { "run", new NotFoundException("no such image"), 125 },
        { "start", new WrongStateException("running"), 125 },
        { "ps", new TemplateException("template: ps:1: bad"), 125 },
        { "run", new UsageException("unknown flag: --x"), 125 },
        { "pull", new InvalidOperationException("boom"), 125 },
        { "network rm", new NotFoundException("network not found"), 1 },
        { "network rm", new WrongStateException("network is being used"), 2 },
        { "network rm", new InvalidInputException("default network podman cannot be removed"), 125 },
        { "network inspect", new NotFoundException("network not found"), 125 },
        { "network create", new AlreadyExistsException("network already exists"), 125 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exit_codes_follow_each_commands_exit_status(
        string command,
        Exception error,
        int expected)
    {
        Assert.Equal(expected, ErrorMapper.ExitCodeFor(command, error));
    }

    [Fact]
    public void The_user_sees_exactly_one_error_line()
    {
        var stderr = new StringWriter();

        ErrorMapper.Report("rm", new NotFoundException("no container with name or ID \"x\" found:\nno such container"), stderr, false);

        Assert.Equal("Error: no container with name or ID \"x\" found: no such container\n", stderr.ToString());
    }
}
