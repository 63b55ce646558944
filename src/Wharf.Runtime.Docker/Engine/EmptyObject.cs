namespace Wharf.Runtime.Docker.Engine;

/// <summary>The engine's {} placeholder in port and volume sets ({"8080/tcp": {}}).</summary>
public sealed record EmptyObject;
