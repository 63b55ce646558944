namespace Wharf.Router.Forwarding;

/// <summary>Why a forwarding attempt got no response, as far as the router can tell.</summary>
internal enum FailureKind
{
    /// <summary>No connection to the backend: nothing of the request was sent (refused, unreachable, connect timeout).</summary>
    ConnectFailed,

    /// <summary>The connection broke before any byte of a response came back.</summary>
    ConnectionBroken,

    /// <summary>The backend answered something that is not a valid HTTP/1.1 response.</summary>
    BadResponse,

    /// <summary>No response headers within the route's timeout.</summary>
    TimedOut,

    /// <summary>The client went away; nobody is waiting for an answer.</summary>
    ClientAborted,

    /// <summary>Reading the request body from the client failed (a malformed body).</summary>
    ClientBodyFailed,
}
