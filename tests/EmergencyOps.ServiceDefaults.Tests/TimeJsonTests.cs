using System.Text.Json;
using EmergencyOps.ServiceDefaults.Input;

namespace EmergencyOps.ServiceDefaults.Tests;

public sealed record Stamped(DateTime At, DateTime? Since, DateTimeOffset ScannedAt, DateTimeOffset? Expires, DateOnly Expiry);

/// <summary>
/// Times in the JSON every API reads and writes: answers in China Standard Time with its offset, whatever the kind or
/// offset the value had; requests with any explicit offset, never without one.
/// </summary>
public sealed class TimeJsonTests
{
    private static readonly JsonSerializerOptions Options = Create();

    private static readonly DateTime Utc = new(2026, 11, 29, 0, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_DateTime_of_any_kind_is_written_as_its_instant_in_China_Standard_Time()
    {
        // Unspecified is what the database hands back: UTC.
        var written = Write(new Stamped(Utc, DateTime.SpecifyKind(Utc, DateTimeKind.Unspecified), default, null, new DateOnly(2027, 3, 1)));

        Assert.Equal("2026-11-29T08:30:00+08:00", written.GetProperty("at").GetString());
        Assert.Equal("2026-11-29T08:30:00+08:00", written.GetProperty("since").GetString());
        Assert.Equal("2027-03-01", written.GetProperty("expiry").GetString());
        Assert.Equal(JsonValueKind.Null, written.GetProperty("expires").ValueKind);
        Assert.Equal("2026-11-29T08:30:00+08:00", Write(new Stamped(Utc.ToLocalTime(), null, default, null, default)).GetProperty("at").GetString());
        Assert.Equal("2026-11-29T08:30:00.1234567+08:00", Write(new Stamped(Utc.AddTicks(1_234_567), null, default, null, default)).GetProperty("at").GetString());
    }

    [Fact]
    public void A_DateTimeOffset_is_written_in_China_Standard_Time_and_one_already_there_exactly_as_before()
    {
        var chinaTime = new DateTimeOffset(2026, 11, 29, 8, 30, 0, TimeSpan.FromHours(8));
        var written = Write(new Stamped(Utc, null, new DateTimeOffset(Utc), chinaTime, default));

        Assert.Equal("2026-11-29T08:30:00+08:00", written.GetProperty("scannedAt").GetString());
        // The warnings' answers, already in +08:00, are written as the serializer always wrote them.
        Assert.Equal(JsonSerializer.Serialize(chinaTime), written.GetProperty("expires").GetRawText());
        Assert.Equal("2026-11-29T03:30:00+08:00", Write(new Stamped(Utc, null, new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.FromHours(-5)), null, default))
            .GetProperty("scannedAt").GetString());
    }

    [Fact]
    public void A_time_stored_at_the_end_of_the_calendar_is_written_as_the_last_representable_moment_instead_of_failing()
    {
        var written = Write(new Stamped(DateTime.MaxValue, DateTime.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.MinValue, DateOnly.MaxValue));

        Assert.Equal("9999-12-31T23:59:59.9999999+08:00", written.GetProperty("at").GetString());
        Assert.Equal("0001-01-01T08:00:00+08:00", written.GetProperty("since").GetString());
        Assert.Equal("9999-12-31T23:59:59.9999999+08:00", written.GetProperty("scannedAt").GetString());
    }

    [Theory]
    [InlineData("2026-11-29T08:30:00+08:00")]
    [InlineData("2026-11-29T00:30:00Z")]
    [InlineData("2026-11-28T19:30:00-05:00")]
    [InlineData("2026-11-29T00:30:00.000+00:00")]
    public void A_time_with_any_explicit_offset_is_read_as_the_instant_it_names(string text)
    {
        var read = JsonSerializer.Deserialize<Stamped>($$"""{"at":"{{text}}","since":"{{text}}","scannedAt":"{{text}}","expires":"{{text}}","expiry":"2027-03-01"}""", Options)!;

        Assert.Equal((Utc, DateTimeKind.Utc), (read.At, read.At.Kind));
        Assert.Equal(Utc, read.Since);
        Assert.Equal(new DateTimeOffset(Utc), read.ScannedAt);
        // A DateTimeOffset keeps the offset it was given: the same instant, as the caller wrote it.
        Assert.Equal(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).Offset, read.ScannedAt.Offset);
        Assert.Equal(new DateOnly(2027, 3, 1), read.Expiry);
    }

    [Theory]
    [InlineData("at", "2026-11-29T08:30:00")]
    [InlineData("since", "2026-11-29T08:30:00.123")]
    [InlineData("scannedAt", "2026-11-29T08:30")]
    [InlineData("expires", "2026-11-29")]
    [InlineData("at", "soon")]
    [InlineData("at", "2026-11-29T08:30:00+08:00 ")]
    public void A_time_without_its_offset_is_refused_naming_the_property(string property, string text)
    {
        var refused = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Stamped>($$"""{"{{property}}":"{{text}}"}""", Options));

        Assert.Equal($"$.{property}", refused.Path);
    }

    private static JsonElement Write(Stamped value) => JsonDocument.Parse(JsonSerializer.Serialize(value, Options)).RootElement;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        StrictJson.Apply(options);
        return options;
    }
}
