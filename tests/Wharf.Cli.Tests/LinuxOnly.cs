using System.Runtime.Versioning;

// Wharf and its CLI run on Linux; the tests check Unix file modes the config relies on.
[assembly: SupportedOSPlatform("linux")]
