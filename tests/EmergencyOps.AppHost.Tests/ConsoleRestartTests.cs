using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmergencyOps.AppHost.Tests;

public sealed partial class ConsoleTests
{
    // The feed's reconnection is held until the warnings have changed behind the page's back, so the page can only
    // show them by resuming from the last event it saw.
    [Fact]
    public async Task When_the_warnings_service_restarts_under_the_wall_the_page_resumes_with_the_last_event_id_and_misses_nothing()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "duty1");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        using var duty = await system.AsAsync("duty1");
        var before = await IssueAsync(duty, $"长宁区大风蓝色预警 {Guid.NewGuid():N}"[..24], "blue", "310105", "长宁区应急管理局");
        await Expect(page.Locator($"li.warning[data-id='{before}']")).ToBeVisibleAsync();

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resumedWith = new List<string?>();
        await page.RouteAsync("**/api/warnings/feed**", async route =>
        {
            lock (resumedWith)
            {
                resumedWith.Add(route.Request.Headers.GetValueOrDefault("last-event-id"));
            }
            await release.Task;
            await route.ContinueAsync();
        });
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            await system.RestartAsync("warnings", timeout.Token);
        }
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "reconnecting");

        var during = await IssueAsync(duty, $"长宁区大风黄色预警 {Guid.NewGuid():N}"[..24], "yellow", "310105", "长宁区应急管理局");
        using (var escalate = await duty.PostAsJsonAsync($"/api/warnings/{before}/updates", new { level = "orange", note = "风力继续加大" }))
        {
            Assert.True(escalate.IsSuccessStatusCode, await escalate.Content.ReadAsStringAsync());
        }
        release.SetResult();

        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        await Expect(page.Locator($"li.warning[data-id='{during}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"li.warning[data-id='{before}']")).ToHaveAttributeAsync("data-level", "orange");
        await Expect(page.Locator($"li.warning[data-id='{before}']")).ToHaveAttributeAsync("data-change", "escalated");
        Assert.NotEmpty(resumedWith);
        Assert.All(resumedWith, id => Assert.False(string.IsNullOrEmpty(id), "every reconnection names the last event it saw"));
        await page.UnrouteAllAsync();
    }
}
