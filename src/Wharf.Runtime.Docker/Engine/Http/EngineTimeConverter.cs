using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>
/// Go's RFC 3339 times carry nanoseconds (9 fraction digits) and offsets like +00:00; .NET keeps 7
/// digits, so the extra ones are dropped before parsing instead of trusting every parser to do it.
/// </summary>
internal sealed class EngineTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is null ? default : EngineTime.Parse(text);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("O", CultureInfo.InvariantCulture));
}
