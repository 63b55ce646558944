using System.Text;
using Wharf.Router.Forwarding;

namespace Wharf.Router.Tests.Forwarding;

public sealed class ResponseEndTests
{
    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n")]
    [InlineData("HTTP/1.1 200 OK\r\nServer: nginx\r\ncontent-length:  3 \r\n\r\nok\n")]
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 204 No Content\r\nDate: x\r\n\r\n")]
    [InlineData("HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]
    public void IsWhole_WholeResponse_True(string data) =>
        Assert.True(ResponseEnd.IsWhole(Encoding.ASCII.GetBytes(data)));

    [Theory]
    [InlineData("")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\nHTTP/1.1 200 OK\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nok\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3x\r\n\r\nok\n")]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end")]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\n")]
    [InlineData("HTTP/1.1 204 No Content\r\n\r\nextra")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nTrailer: x\r\n\r\n")]
    [InlineData("some body bytes of a larger response")]
    public void IsWhole_PartOrUnknown_False(string data) =>
        Assert.False(ResponseEnd.IsWhole(Encoding.ASCII.GetBytes(data)));
}
