using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hazards.API.Model;

/// <summary>Issues product codes: the one place that composes a code, stores the product with its first SDS and label, and raises ProductCoded.</summary>
public sealed class ProductIssuer(HazardsContext db, HazardEvents events, IOptions<HazardsOptions> options)
{
    public string ResolveUrl(string code) => options.Value.ResolveUrl(code);

    public ProductResponse Response(Product product) => ProductResponse.From(product, ResolveUrl(product.Code), options.Value.PublicUrl(product.Code));

    /// <summary>Call inside a transaction: the serial is taken by an atomic increment, so concurrent issues never share one.</summary>
    public async Task<Product> IssueAsync(Enterprise owner, Chemical chemical, Product template, SdsRevision sds, LabelRevision label, CancellationToken cancellationToken)
    {
        string code;
        do
        {
            await db.Enterprises.Where(e => e.Id == owner.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.LastSerial, e => e.LastSerial + 1), cancellationToken);
            var serial = await db.Enterprises.Where(e => e.Id == owner.Id).Select(e => e.LastSerial).SingleAsync(cancellationToken);
            code = ProductCode.Compose(owner.DistrictCode, owner.ShortCode, serial);
        }
        while (!ProductCode.IsIssuable(code));

        var product = new Product
        {
            Code = code, ParentCode = template.ParentCode, EnterpriseId = owner.Id, Cas = chemical.Cas, TradeName = template.TradeName,
            Concentration = template.Concentration, Packaging = template.Packaging, IssuedAt = events.Now,
        };
        db.Products.Add(product);
        (sds.ProductId, sds.Revision, label.ProductId, label.Revision) = (product.Id, 1, product.Id, 1);
        db.SdsRevisions.Add(sds);
        db.LabelRevisions.Add(label);
        events.ProductCoded(product, chemical, ResolveUrl(code));
        return product;
    }
}
