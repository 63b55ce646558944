using Wharf.Storage;

namespace Wharf.Server;

/// <summary>
/// Where <see cref="ServerOptions"/> come from: the flags --data, --api and --router, environment variables
/// (WHARF_DATA, WHARF_API_URL, WHARF_ROUTER_URL, WHARF_STATE, WHARF_POSTGRES, WHARF_BLOBS, WHARF_S3_*, WHARF_KEYS,
/// WHARF_KEY_FILE), and under those the "Storage" configuration section (Storage__State=... as variables).
/// </summary>
public static class ServerSettings
{
    public const string DataVariable = "WHARF_DATA";
    public const string ApiUrlVariable = "WHARF_API_URL";
    public const string RouterUrlVariable = "WHARF_ROUTER_URL";
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
    };

    /// <summary>Options from flags (--data DIR, --api URL, --router URL, or --WHARF_DATA=DIR and so on) over the environment.</summary>
    public static ServerOptions FromArgs(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = ArgProblems(args);
        if (problems.Count > 0)
        {
            throw new ServerStartupException(problems);
        }

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args, Flags.ToDictionary())
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
                problems.Add($"Unknown argument '{arg}': the server takes --data DIR, --api URL and --router URL.");
            }
        }

        return problems;
    }

    private static string Example(string flag) => flag switch
    {
        "--data" => "/var/lib/wharf",
        "--api" => ServerOptions.DefaultApiUrl,
        _ => ServerOptions.DefaultRouterUrl,
    };

    /// <summary>Options from any configuration: the WHARF_* keys over the "Storage" section, over the defaults.</summary>
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
