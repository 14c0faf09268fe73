using System.Net.Http.Json;
using Ledger.Application.Common;
using Ledger.Application.Items;
using Ledger.Application.Organisation;
using Ledger.Application.Rounds;

namespace Ledger.Web.Tests.Api;

/// <summary>Arranges data through the API itself, the way the rectification office would enter it.</summary>
internal sealed class Ledgers(HttpClient client)
{
    public async Task<Saved> DepartmentAsync(string name) =>
        await (await client.PostJsonAsync("/api/departments", new { name })).ReadAsync<Saved>();

    public async Task<Saved> PersonAsync(string name, Guid? departmentId = null, bool isLeader = false) =>
        await (await client.PostJsonAsync("/api/people", new { name, departmentId, isLeader, position = isLeader ? "副检察长" : "科员" })).ReadAsync<Saved>();

    public async Task<RoundDto> RoundAsync(params string[] aspects)
    {
        var saved = await (await client.PostJsonAsync("/api/rounds", new
        {
            inspectingTeam = "市委第三巡察组",
            inspectedUnit = "某区人民检察院党组",
            inspectionStart = "2024-04-10",
            inspectionEnd = "2024-05-31",
            feedbackDate = "2024-07-15",
            rectificationPeriodEnd = "2024-10-15",
            aspects = aspects.Length == 0 ? ["贯彻落实党的理论和路线方针政策方面"] : aspects,
        })).ReadAsync<Saved>();
        return await client.GetFromJsonAsync<RoundDto>($"/api/rounds/{saved.Id}", LedgerApiFactory.Json) ?? throw new InvalidOperationException();
    }

    public async Task<ItemState> ItemAsync(RoundDto round, string title = "理论学习不够深入", int aspect = 0) =>
        await (await client.PostJsonAsync($"/api/rounds/{round.Id}/items", new
        {
            aspectId = round.Aspects[aspect].Id,
            title,
            description = $"{title}，存在以会代学现象。",
        })).ReadAsync<ItemState>();

    public async Task<ItemState> ItemAsync(string title = "理论学习不够深入") => await ItemAsync(await RoundAsync(), title);

    public async Task<ItemState> ActAsync(ItemState item, string action, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["version"] = item.Version };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        return await (await client.PostJsonAsync($"/api/items/{item.Id}/{action}", body)).ReadAsync<ItemState>();
    }

    /// <summary>A real PDF header and some bytes: enough for the type check, different per <paramref name="marker"/>.</summary>
    public static byte[] Pdf(string marker) => System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4\n% {marker}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    /// <summary>Uploads evidence the way a browser form does.</summary>
    public static Task<HttpResponseMessage> UploadAsync(
        HttpClient client, Guid itemId, Guid version, string fileName, byte[] content, Guid? measureId = null, string? note = null, string? effectiveDate = null)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(content), "file", fileName },
            { new StringContent(version.ToString()), "version" },
        };
        if (measureId is { } measure)
        {
            form.Add(new StringContent(measure.ToString()), "measureId");
        }

        if (note is not null)
        {
            form.Add(new StringContent(note), "note");
        }

        if (effectiveDate is not null)
        {
            form.Add(new StringContent(effectiveDate), "effectiveDate");
        }

        return client.PostAsync($"/api/items/{itemId}/evidence", form);
    }

    public Task<ItemDetailDto> DetailAsync(Guid id) => client.GetFromJsonAsync<ItemDetailDto>($"/api/items/{id}", LedgerApiFactory.Json)!;
}
