using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Geography;

namespace Hazards.API.Model;

/// <summary>An enterprise's code and where it leads: the public page (the QR image's content), the report address, the images.</summary>
public sealed record EnterpriseCodeResponse(Guid EnterpriseId, string Code, string PublicUrl, string ReportUrl, string QrPngUrl, string QrSvgUrl);

/// <summary>
/// What anyone reads of an enterprise by its code, without a token (扫码即知): who and where it is, its risk colour, the levels
/// of its major hazard sources, whom to call in an emergency and how to report a hidden danger. Nothing else: no credit code,
/// no registry id, no contact person, no coordinates, no quantities, no unit names, no hidden dangers or filings.
/// </summary>
public sealed record PublicEnterpriseInformation(
    string Code, string Name, string Address, string DistrictCode, string DistrictName,
    RiskColour? RiskColour, string? RiskColourName, string? RiskLevelName,
    IReadOnlyList<PublicMajorHazard> MajorHazards, string EmergencyPhone, PublicReporting Report)
{
    public static PublicEnterpriseInformation From(
        string code, Enterprise e, RiskColour? colour, IEnumerable<MajorHazardLevel> levels, string reportUrl) => new(
        code, e.Name, e.Address, e.DistrictCode, Districts.Find(e.DistrictCode)?.Name ?? e.DistrictCode,
        colour, colour is { } c ? Lec.ColourName(c) : null, colour is { } l ? Lec.LevelName(l) : null,
        [.. levels.Order().Select(level => new PublicMajorHazard(level, MajorHazardEvaluator.LevelName(level)))], e.Phone,
        new PublicReporting(reportUrl, "POST",
            "发现隐患请举报: POST 到此地址 { \"description\", \"location\", \"contactName\", \"contactPhone\", \"photos\" } (无需登录), 凭回执码查询处理结果。"));
}

/// <summary>One major hazard source, by its level only (一级 … 四级).</summary>
public sealed record PublicMajorHazard(MajorHazardLevel Level, string LevelName);

/// <summary>How a citizen reports a hidden danger at this enterprise (一码发现).</summary>
public sealed record PublicReporting(string Url, string Method, string Instructions);
