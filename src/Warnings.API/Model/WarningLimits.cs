using System.Text.RegularExpressions;

namespace Warnings.API.Model;

/// <summary>
/// The limits of the warnings service, written once: the request types' validation attributes and the EF model's
/// column sizes both read them, so what the contract accepts always fits the SQL Server columns.
/// </summary>
public static partial class WarningLimits
{
    /// <summary>Type codes of the catalogue (e.g. <c>special-equipment</c>), also as stored.</summary>
    public const int TypeCode = 40;

    /// <summary>A GB/T 2260 district code.</summary>
    public const int DistrictCode = 6;

    /// <summary>Shanghai has 16 districts: a longer list only repeats them.</summary>
    public const int Districts = 16;

    /// <summary>CAP headlines are kept short enough for SMS and wall screens.</summary>
    public const int Headline = 160;

    /// <summary>Descriptions, instructions and disposition reports.</summary>
    public const int LongText = 4_000;

    /// <summary>Notes, reasons and comments.</summary>
    public const int Note = 1_000;

    /// <summary>A responsible unit's name, e.g. 上海市防汛指挥部办公室.</summary>
    public const int UnitName = 100;

    /// <summary>Units one warning or threshold asks to acknowledge: a city-wide warning names the districts' bureaus and a few agencies.</summary>
    public const int ResponsibleUnits = 50;

    /// <summary>A person or system that wrote, signed or acknowledged something.</summary>
    public const int Person = 100;

    /// <summary>A major hazard source as the registry names it: enterprise and unit.</summary>
    public const int SiteName = 200;

    /// <summary>A feed event's type, e.g. <c>warning.cancelled</c>.</summary>
    public const int EventType = 40;

    /// <summary>What monitoring last suggested for a station, e.g. <c>orange&gt;Downgrade:yellow</c>.</summary>
    public const int SuggestedTarget = 40;

    /// <summary>Points of a CAP polygon: a warned area is drawn, not traced.</summary>
    public const int PolygonPoints = 100;

    /// <summary>A polygon's text: 100 pairs of <c>-90.123456,-180.123456</c> and a space each.</summary>
    public const int Polygon = 2_400;

    /// <summary>A circle's text: <c>lat,lon radius_km</c>.</summary>
    public const int Circle = 100;

    /// <summary>Indicators and stations as they appear in thresholds and readings.</summary>
    public const int Indicator = 64;

    public const int Station = 64;

    /// <summary>
    /// An indicator names what is measured; it is a path segment of <c>PUT /api/warnings/thresholds/{indicator}</c> and part of
    /// warning texts, so it is a plain lower-case token: no line breaks, slashes, dots first or quotes.
    /// </summary>
    public const string IndicatorPattern = "^[a-z0-9][a-z0-9._-]{0,63}$";

    /// <summary>Station ids as networks issue them (e.g. <c>58362</c>, <c>GAS-310106-017</c>).</summary>
    public const string StationPattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    public const string IndicatorRule = "An indicator is 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit (" + IndicatorPattern + "), e.g. rainfall-1h.";

    public const string StationRule = "A station id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (" + StationPattern + "), e.g. GAS-310106-017.";

    /// <summary>A unit of measure, e.g. <c>mm</c>, <c>%LEL</c>, <c>m/s</c>.</summary>
    public const int MeasureUnit = 20;

    /// <summary>
    /// Threshold and reading values: rainfall in mm, wind in m/s, gas in ppm (at most 1,000,000), people in a crowd,
    /// temperatures below zero. Nothing a city measures lies outside ±1,000,000, and decimal(18,4) holds it.
    /// </summary>
    public const double Value = 1_000_000;

    /// <summary>The hold time before a downgrade or lift: up to a day.</summary>
    public const int HoldMinutes = 1_440;

    /// <summary>List filters: comma-separated district codes, levels or type codes (each at most once is plenty).</summary>
    public const int DistrictFilter = Districts * (DistrictCode + 1);

    public const int LevelFilter = 40;

    public const int TypeFilter = 1_000;

    /// <summary>Feed sequences (SSE ids): far beyond any feed's life, and exact as a double in the OpenAPI bounds.</summary>
    public const double FeedSequence = 1e15;

    /// <summary>Readings in one batch.</summary>
    public const int Readings = 1_000;

    /// <summary>The feed's stored JSON line: a version's headline, area and links, with room to spare.</summary>
    public const int FeedPayload = 16_000;

    /// <summary>
    /// A list of texts stored as JSON: each item quoted and separated, and each character possibly escaped as
    /// <c>\uXXXX</c> (six characters), so the column holds the longest list the contract accepts.
    /// </summary>
    public const int DistrictCodesJson = Districts * (DistrictCode + 3) + 2;

    public const int ResponsibleUnitsJson = ResponsibleUnits * (UnitName * 6 + 3) + 2;

    /// <summary>CAP identifier: the 14-character issuer code, <c>_YYYYMMDDhhmmss_</c> and the feed sequence.</summary>
    public const int Identifier = 60;

    /// <summary>Enum names as stored (state, kind, origin, end reason, disposition status, suggested target).</summary>
    public const int EnumName = 20;

    public const int LevelName = 10;

    public static bool IsIndicator(string value) => Whole(IndicatorFormat(), value);

    public static bool IsStation(string value) => Whole(StationFormat(), value);

    // As RegularExpressionAttribute matches: the whole value, since "$" also matches before a final line break.
    private static bool Whole(Regex format, string value)
    {
        var match = format.Match(value);
        return match.Success && match.Index == 0 && match.Length == value.Length;
    }

    [GeneratedRegex(IndicatorPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IndicatorFormat();

    [GeneratedRegex(StationPattern, RegexOptions.CultureInvariant)]
    private static partial Regex StationFormat();
}
