using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using System.Text;
using Hazards.API.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Hazards.API.Apis;

/// <summary>QR images of product codes: they encode the code's public URL, so any phone camera reaches the 一书一签.</summary>
public static class QrCodes
{
    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";

    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> GetQr(
        string code, HttpRequest http, [AsParameters] HazardServices services, IOptions<HazardsOptions> options, CancellationToken cancellationToken,
        [OneOf("png", "svg"), Text(3)] string? format = null)
    {
        if (CodesApi.CheckCode(ref code) is { } invalid)
        {
            return invalid;
        }
        if (format is not (null or "png" or "svg"))
        {
            return Problems.Invalid("format", "Format is 'png' (the default) or 'svg'.");
        }
        var (product, refused) = await services.ReadableProductAsync(code, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        // Level Q (25 % recovery) survives a scratched or dirty drum label. The image encodes the public URL: a phone
        // camera carries no token, and what a label's reader needs (一书一签) is public.
        return Image(options.Value.PublicUrl(code), code, format, http, options.Value.QrPixelsPerModule);
    }

    /// <summary>A QR image (level Q) of <paramref name="content"/>: SVG when asked by <c>format</c> or <c>Accept</c>, else PNG.</summary>
    public static FileContentHttpResult Image(string content, string fileName, string? format, HttpRequest http, int pixelsPerModule)
    {
        var svg = format == "svg" || (format is null && http.Headers.Accept.ToString().Contains(Svg, StringComparison.OrdinalIgnoreCase));
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.Q);
        if (svg)
        {
            using var image = new SvgQRCode(data);
            return TypedResults.File(Encoding.UTF8.GetBytes(image.GetGraphic(pixelsPerModule)), Svg, $"{fileName}.svg");
        }
        using var png = new PngByteQRCode(data);
        return TypedResults.File(png.GetGraphic(pixelsPerModule), Png, $"{fileName}.png");
    }
}
