using Wharf.Storage;

namespace Wharf.Server;

/// <summary>
/// Where <see cref="ServerOptions"/> come from: the flags --data, --api, --router, --router-https, --redirect-https
/// and --no-router, environment variables (WHARF_DATA, WHARF_API_URL, WHARF_ROUTER_URL, WHARF_ROUTER_HTTPS_URL,
/// WHARF_ROUTER_REDIRECT_HTTPS, WHARF_ROUTER, WHARF_STATE, WHARF_POSTGRES, WHARF_BLOBS, WHARF_S3_*, WHARF_KEYS,
/// WHARF_KEY_FILE), and under those the "Storage" configuration section (Storage__State=... as variables).
/// </summary>
public static class ServerSettings
{
    public const string DataVariable = "WHARF_DATA";
    public const string ApiUrlVariable = "WHARF_API_URL";
    public const string RouterUrlVariable = "WHARF_ROUTER_URL";
    public const string RouterHttpsUrlVariable = "WHARF_ROUTER_HTTPS_URL";
    public const string RedirectHttpsVariable = "WHARF_ROUTER_REDIRECT_HTTPS";

    /// <summary>"none" runs the server without a router; unset (or "start") starts or reuses one.</summary>
    public const string RouterVariable = "WHARF_ROUTER";
    public const string NoRouter = "none";
    public const string StateVariable = "WHARF_STATE";
    public const string PostgresVariable = "WHARF_POSTGRES";
    public const string BlobsVariable = "WHARF_BLOBS";
    public const string S3UrlVariable = "WHARF_S3_URL";
    public const string S3BucketVariable = "WHARF_S3_BUCKET";
    public const string S3RegionVariable = "WHARF_S3_REGION";
    public const string S3AccessKeyVariable = "WHARF_S3_ACCESS_KEY";
    public const string S3SecretKeyVariable = "WHARF_S3_SECRET_KEY";
    public const string S3PathStyleVariable = "WHARF_S3_PATH_STYLE";
    public const string KeysVariable = "WHARF_KEYS";
    public const string KeyFileVariable = "WHARF_KEY_FILE";

    /// <summary>The command-line flags, mapped onto the variables they override.</summary>
    public static IReadOnlyDictionary<string, string> Flags { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--data"] = DataVariable,
        ["--api"] = ApiUrlVariable,
        ["--router"] = RouterUrlVariable,
        ["--router-https"] = RouterHttpsUrlVariable,
    };

    /// <summary>The flags without a value, mapped onto the variable and value they stand for.</summary>
    public static IReadOnlyDictionary<string, (string Variable, string Value)> Switches { get; } =
        new Dictionary<string, (string Variable, string Value)>(StringComparer.Ordinal)
        {
            ["--no-router"] = (RouterVariable, NoRouter),
            ["--redirect-https"] = (RedirectHttpsVariable, "true"),
        };

    private const string Usage = "the server takes --data DIR, --api URL, --router URL, --router-https URL, --redirect-https and --no-router";

    /// <summary>Options from flags (--data DIR, --api URL, --router URL, --no-router, or --WHARF_DATA=DIR and so on) over the environment.</summary>
    public static ServerOptions FromArgs(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = ArgProblems(args);
        if (problems.Count > 0)
        {
            throw new ServerStartupException(problems);
        }

        var expanded = args.Select(arg => Switches.TryGetValue(arg, out var to) ? $"--{to.Variable}={to.Value}" : arg).ToArray();
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(expanded, Flags.ToDictionary())
            .Build();
        return FromConfiguration(configuration);
    }

    /// <summary>
    /// The flags, each with a value, and --KEY=VALUE configuration (which is also how a test host passes its
    /// settings); anything else, such as a misspelt flag, is refused rather than silently ignored.
    /// </summary>
    private static List<string> ArgProblems(string[] args)
    {
        var problems = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (Switches.ContainsKey(arg))
            {
                continue;
            }

            if (Flags.ContainsKey(arg))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    problems.Add($"{arg} needs a value, e.g. {arg} {Example(arg)}.");
                }

                i++;
            }
            else if (!(arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) > 2))
            {
                problems.Add($"Unknown argument '{arg}': {Usage}.");
            }
        }

        return problems;
    }

    private static string Example(string flag) => flag switch
    {
        "--data" => "/var/lib/wharf",
        "--api" => ServerOptions.DefaultApiUrl,
        "--router-https" => "https://127.0.0.1:8443",
        _ => ServerOptions.DefaultRouterUrl,
    };

    /// <summary>Options from any configuration: the WHARF_* keys over the "Storage" section, over the defaults.</summary>
    /// <exception cref="ServerStartupException">WHARF_ROUTER has a value other than none or start.</exception>
    public static ServerOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Get(string key) => NonEmpty(configuration[key]);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        return new ServerOptions
        {
            DataDirectory = Path.GetFullPath(DefaultDataDirectory(Get)),
            ApiUrl = Get(ApiUrlVariable) ?? ServerOptions.DefaultApiUrl,
            RouterUrl = Get(RouterUrlVariable) ?? ServerOptions.DefaultRouterUrl,
            RouterHttpsUrl = Get(RouterHttpsUrlVariable),
            RedirectHttps = IsTrue(Get(RedirectHttpsVariable)),
            StartRouter = RouterEnabled(Get(RouterVariable)),
            Storage = ApplyVariables(storage, Get),
        };
    }

    /// <summary>The storage choice from the environment variables alone.</summary>
    public static StorageOptions StorageFromEnvironment() => ApplyVariables(new StorageOptions(), FromEnvironment);

    /// <summary>$WHARF_DATA, else ~/.local/share/wharf.</summary>
    public static string DefaultDataDirectory(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        return NonEmpty(get(DataVariable))
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "wharf");
    }

    public static string? FromEnvironment(string variable) => NonEmpty(Environment.GetEnvironmentVariable(variable));

    /// <summary>"1", "true", "yes" (any case) are true; anything else, and unset, false.</summary>
    public static bool IsTrue(string? value) =>
        value is not null && (value is "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether WHARF_ROUTER asks for the router: unset or "start" yes, "none" no.</summary>
    /// <exception cref="ServerStartupException">Any other value: a typo must not silently start (or skip) the router.</exception>
    public static bool RouterEnabled(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "start" => true,
        NoRouter => false,
        _ => throw new ServerStartupException(
            $"{RouterVariable} is '{value}': set it to {NoRouter} to run the server without a router (or pass --no-router), or leave it unset to start one."),
    };

    private static StorageOptions ApplyVariables(StorageOptions storage, Func<string, string?> get)
    {
        var s3 = storage.S3 with
        {
            ServiceUrl = get(S3UrlVariable) ?? storage.S3.ServiceUrl,
            Bucket = get(S3BucketVariable) ?? storage.S3.Bucket,
            Region = get(S3RegionVariable) ?? storage.S3.Region,
            AccessKey = get(S3AccessKeyVariable) ?? storage.S3.AccessKey,
            SecretKey = get(S3SecretKeyVariable) ?? storage.S3.SecretKey,
            ForcePathStyle = get(S3PathStyleVariable) is { } pathStyle
                ? pathStyle is "1" || string.Equals(pathStyle, "true", StringComparison.OrdinalIgnoreCase)
                : storage.S3.ForcePathStyle,
        };
        return storage with
        {
            State = get(StateVariable) ?? storage.State,
            PostgresConnectionString = get(PostgresVariable) ?? storage.PostgresConnectionString,
            Blobs = get(BlobsVariable) ?? storage.Blobs,
            Keys = get(KeysVariable) ?? storage.Keys,
            KeyFile = get(KeyFileVariable) ?? storage.KeyFile,
            S3 = s3,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
