using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Messaging.Tests;

/// <summary>
/// An idempotent request's handler runs in the filter's unit of work. A handler that saved, then lost a race on a key and
/// answered 409, changed nothing: the filter rolls its unit back rather than commit what the handler saved before.
/// </summary>
public sealed class IdempotentRefusalTests
{
    private static readonly Guid Existing = Guid.Parse("7a0c6b59-6f7e-4d0e-9a55-3c1f0f3e2b11");

    [Fact]
    public async Task A_refusal_after_a_failed_save_keeps_nothing_the_handler_saved_and_stores_no_answer()
    {
        var connection = TestInfrastructure.FreshSqliteConnectionString("keyed");
        await using (var db = Open(connection))
        {
            await db.Database.EnsureCreatedAsync();
            db.Notes.Add(new Note { Id = Existing, Text = "there before" });
            await db.SaveChangesAsync();
        }
        await using var app = await StartAsync(connection);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/notes");
        request.Headers.Add(IdempotencyFilter<KeyedContext>.HeaderName, "clash-1");

        using var response = await app.GetTestClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Note taken", problem?.Title);
        await using var after = Open(connection);
        Assert.Equal(["there before"], await after.Notes.Select(n => n.Text).ToListAsync());
        Assert.Empty(await after.Set<IdempotencyRecord>().ToListAsync());
    }

    private static async Task<WebApplication> StartAsync(string connection)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<KeyedContext>(o => o.UseConfiguredProvider(DatabaseProvider.Sqlite, connection));
        var app = builder.Build();
        app.MapPost("/notes", SaveThenClash).WithIdempotency<KeyedContext>();
        await app.StartAsync();
        return app;
    }

    // Saves one note, then one whose key is taken, and answers the lost race with a 409 instead of failing.
    private static async Task<Results<Ok, ProblemHttpResult>> SaveThenClash(KeyedContext db)
    {
        db.Notes.Add(new Note { Text = "saved first" });
        await db.SaveChangesAsync();
        db.Notes.Add(new Note { Id = Existing, Text = "clashes" });
        try
        {
            await db.SaveChangesAsync();
            return TypedResults.Ok();
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem("Another note has this id.", statusCode: StatusCodes.Status409Conflict, title: "Note taken");
        }
    }

    private static KeyedContext Open(string connection)
    {
        var options = new DbContextOptionsBuilder<KeyedContext>();
        options.UseConfiguredProvider(DatabaseProvider.Sqlite, connection);
        return new KeyedContext(options.Options);
    }

    public sealed class KeyedContext(DbContextOptions<KeyedContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddIdempotencyRecords();
    }
}
