using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Benchmarks;

/// <summary>
/// <c>scale-out URL NODE-A PID SECONDS</c>, driven by tests/scale-out/run: the demo accounts use the ledger through the
/// proxy at URL for SECONDS (reading, reporting progress, uploading evidence, taking close-out steps, scanning for
/// reminders), the process PID (web node A at NODE-A, host:port) is killed with SIGKILL half-way, and then every write
/// the ledger acknowledged is looked for and every session asked who it is. Prints what it saw and, last,
/// <c>result N L S E K</c>: acknowledged writes, lost writes, lost sessions, errors outside the killed node, and
/// requests in flight on the killed node.
/// </summary>
internal static class ScaleOutWorkload
{
    public const string Verb = "scale-out";

    private const string Password = "Ledger@2025";

    public static async Task RunAsync(Uri proxy, string nodeA, int nodeAProcess, TimeSpan duration)
    {
        var started = DateTime.UtcNow;
        var outcomes = new Outcomes(nodeA);
        var writes = new ConcurrentBag<AcknowledgedWrite>();

        // Cookie sessions ride the proxy's route cookie like a browser; the others carry bearer tokens and go anywhere.
        var office = await Session.SignInAsync(proxy, "office", cookies: false, outcomes);
        var sessions = new List<Session>
        {
            office,
            await Session.SignInAsync(proxy, "office", cookies: true, outcomes),
            await Session.SignInAsync(proxy, "zhoumin", cookies: true, outcomes),
            await Session.SignInAsync(proxy, "chenli", cookies: true, outcomes),
            await Session.SignInAsync(proxy, "liuyang", cookies: false, outcomes),
            await Session.SignInAsync(proxy, "liming", cookies: false, outcomes),
            await Session.SignInAsync(proxy, "zhanghua", cookies: true, outcomes),
            await Session.SignInAsync(proxy, "admin", cookies: false, outcomes),
        };

        // New reminders due today, whatever the day: the worker's next scan and the administrator's race to record them.
        await RemindMoreAsync(office);

        var stop = DateTime.UtcNow + duration;
        var killAt = DateTime.UtcNow + (duration / 2);
        var loops = sessions.Select(s => s.UserName switch
        {
            "admin" => ScanAsync(s, stop, outcomes),
            "office" => OfficeAsync(s, stop, writes),
            "liming" or "zhanghua" => LeaderAsync(s, stop, writes),
            _ => DepartmentAsync(s, stop, writes),
        }).ToList();
        loops.Add(KillAsync(nodeAProcess, killAt, outcomes));
        await Task.WhenAll(loops);
        var worked = DateTime.UtcNow - started;

        var lost = await VerifyAsync(office, writes);
        var sessionsLost = 0;
        foreach (var session in sessions)
        {
            if (await session.SendAsync(HttpMethod.Get, "/api/auth/me") is not { Ok: true })
            {
                Console.WriteLine($"session lost: {session.UserName} ({(session.Cookies ? "cookie" : "bearer")})");
                sessionsLost++;
            }
        }

        var byKind = writes.GroupBy(w => w.Kind).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine($"workload: {worked.TotalSeconds:F0} s, {sessions.Count} sessions ({sessions.Count(s => s.Cookies)} by cookie), node A killed at {outcomes.KilledAfter:F0} s");
        Console.WriteLine($"requests: {outcomes.Answered} answered, {outcomes.Conflicts} conflicts (409), {outcomes.OnKilledNode} in flight on the killed node, {outcomes.Errors} errors");
        Console.WriteLine($"answered by: {outcomes.ByNode}");
        Console.WriteLine($"writes: {writes.Count} acknowledged ({byKind.GetValueOrDefault(WriteKind.Progress)} progress reports, {byKind.GetValueOrDefault(WriteKind.Evidence)} evidence files, {byKind.GetValueOrDefault(WriteKind.Step) + byKind.GetValueOrDefault(WriteKind.Status)} lifecycle steps), {lost} lost; {outcomes.Scans} reminder scans answered, recording {outcomes.RemindersRecorded} reminders");
        Console.WriteLine($"sessions: {sessionsLost} of {sessions.Count} lost");
        Console.WriteLine($"result {writes.Count} {lost} {sessionsLost} {outcomes.Errors} {outcomes.OnKilledNode}");
        sessions.ForEach(s => s.Dispose());
    }

    /// <summary>
    /// The office reminds on days off too and adds a reminder 10 working days ahead, so today calls for reminders no scan
    /// has recorded yet (the demo's first scan has recorded the rest).
    /// </summary>
    private static async Task RemindMoreAsync(Session office)
    {
        if (await office.SendAsync(HttpMethod.Get, "/api/reminders/settings") is { Ok: true, Body: { } settings })
        {
            var changed = JsonNode.Parse(settings.GetRawText())!.AsObject();
            changed["remindOnNonWorkingDays"] = true;
            var offsets = settings.GetProperty("dueSoonOffsets").EnumerateArray().Select(o => o.GetInt32()).ToList();
            if (!offsets.Contains(10) && offsets.Count < 5)
            {
                changed["dueSoonOffsets"] = new JsonArray([.. offsets.Append(10).Select(o => JsonValue.Create(o))]);
            }

            // The defaults name a day for the 主要负责人 but no one to be it, which the office's form refuses as it stands.
            if (changed["principalLeaderPersonId"] is null)
            {
                changed["principalAfterOverdueDays"] = null;
            }

            await office.SendAsync(HttpMethod.Put, "/api/reminders/settings", JsonContent.Create(changed));
        }
    }

    private static async Task KillAsync(int process, DateTime at, Outcomes outcomes)
    {
        await Task.Delay(at - DateTime.UtcNow);
        using var kill = Process.Start("kill", ["-9", process.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        outcomes.Killed();
        Console.WriteLine($"killed node A (process {process}) with SIGKILL");
    }

    /// <summary>
    /// The administrator's scans through the proxy, two at once so that both web nodes tend to get one. Today's from the
    /// 8th to the 20th second of each minute, when the worker's every-minute cron (picked up within 15 s of the minute)
    /// scans today too, so either may come first; otherwise the following days', each new to every scan, in turn.
    /// </summary>
    private static async Task ScanAsync(Session admin, DateTime stop, Outcomes outcomes)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var ahead = 0;
        while (DateTime.UtcNow < stop)
        {
            var day = DateTime.UtcNow.Second is >= 8 and < 20 ? today : today.AddDays(++ahead / 2 + 1);
            var query = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var scans = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => admin.SendAsync(HttpMethod.Post, $"/api/reminders/scan?day={query}")));
            outcomes.Scanned(scans.Sum(a => a is { Ok: true, Body: { } result } ? result.GetProperty("remindersCreated").GetInt32() : 0));
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>The office reads the ledger, puts finished items with evidence up for 销号 and reviews the requests.</summary>
    private static async Task OfficeAsync(Session office, DateTime stop, ConcurrentBag<AcknowledgedWrite> writes)
    {
        while (DateTime.UtcNow < stop)
        {
            await BrowseAsync(office, dashboard: true);
            foreach (var id in await ItemsAsync(office, "status=Completed&status=CloseOutRequested"))
            {
                if (await office.SendAsync(HttpMethod.Get, $"/api/items/{id}") is not { Ok: true, Body: { } detail })
                {
                    continue;
                }

                var actions = Actions(detail);
                if (actions.Contains("ReviewCloseOut"))
                {
                    await StepAsync(office, detail, "close-out/review", writes, marker => new { pass = true, reason = $"审核通过 {marker}" });
                }
                else if (actions.Contains("RequestCloseOut") && detail.GetProperty("evidence").GetArrayLength() == 0)
                {
                    await UploadAsync(office, detail, writes);
                }
                else if (actions.Contains("RequestCloseOut"))
                {
                    await StepAsync(office, detail, "close-out/request", writes, marker => new { summary = $"整改完成，申请销号 {marker}" });
                }

                await Pause();
            }
        }
    }

    /// <summary>A leader approves the reviewed requests the server offers them.</summary>
    private static async Task LeaderAsync(Session leader, DateTime stop, ConcurrentBag<AcknowledgedWrite> writes)
    {
        while (DateTime.UtcNow < stop)
        {
            await BrowseAsync(leader, dashboard: true);
            foreach (var id in await ItemsAsync(leader, "status=CloseOutRequested"))
            {
                if (await leader.SendAsync(HttpMethod.Get, $"/api/items/{id}") is { Ok: true, Body: { } detail } && Actions(detail).Contains("DecideCloseOut"))
                {
                    await StepAsync(leader, detail, "close-out/decision", writes, marker => new { approve = true, reason = $"同意销号 {marker}" });
                }
            }

            await Pause();
        }
    }

    /// <summary>A department works its own items: starts, reports progress, uploads evidence, finishes and asks for 销号.</summary>
    private static async Task DepartmentAsync(Session user, DateTime stop, ConcurrentBag<AcknowledgedWrite> writes)
    {
        var head = user.UserName != "liuyang";
        while (DateTime.UtcNow < stop)
        {
            await BrowseAsync(user, dashboard: head);
            var items = await ItemsAsync(user, "pageSize=100");
            if (items.Count == 0 || await user.SendAsync(HttpMethod.Get, $"/api/items/{items[Random.Shared.Next(items.Count)]}") is not { Ok: true, Body: { } detail })
            {
                await Pause();
                continue;
            }

            var actions = Actions(detail);
            var hasEvidence = detail.GetProperty("evidence").GetArrayLength() > 0;
            if (actions.Contains("Start"))
            {
                await StepAsync(user, detail, "start", writes, _ => new { }, reaches: "InProgress");
            }
            else if (actions.Contains("RequestCloseOut") && hasEvidence)
            {
                await StepAsync(user, detail, "close-out/request", writes, marker => new { summary = $"措施均已落实 {marker}" });
            }
            else if (actions.Contains("MarkCompleted") && hasEvidence)
            {
                await StepAsync(user, detail, "completed", writes, _ => new { }, reaches: "Completed");
            }
            else if (actions.Contains("ChangeWork") && (!hasEvidence || Random.Shared.Next(3) == 0))
            {
                await UploadAsync(user, detail, writes);
            }
            else if (actions.Contains("ReportProgress"))
            {
                var marker = Marker();
                var body = new { progress = $"本期召开专题会议研究整改 {marker}", nextSteps = "继续推进", problems = (string?)null };
                var id = detail.GetProperty("item").GetProperty("id").GetGuid();
                if (await user.SendAsync(HttpMethod.Post, $"/api/items/{id}/progress", JsonContent.Create(body)) is { Ok: true })
                {
                    writes.Add(new(id, WriteKind.Progress, marker));
                }
            }

            await Pause();
        }
    }

    /// <summary>The pages a user opens between changes: a page of the ledger, 我的待办 and, for those who have it, 领导看板.</summary>
    private static async Task BrowseAsync(Session user, bool dashboard)
    {
        await user.SendAsync(HttpMethod.Get, $"/api/items?page={Random.Shared.Next(1, 3)}&pageSize=20&sort=Deadline");
        await user.SendAsync(HttpMethod.Get, "/api/my-work");
        if (dashboard)
        {
            await user.SendAsync(HttpMethod.Get, "/api/dashboard");
        }
    }

    private static async Task<List<Guid>> ItemsAsync(Session user, string query) =>
        await user.SendAsync(HttpMethod.Get, $"/api/items?{query}") is { Ok: true, Body: { } page }
            ? page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList()
            : [];

    private static HashSet<string> Actions(JsonElement detail) =>
        detail.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!).ToHashSet();

    /// <summary>
    /// A lifecycle step with the version read. Its marker goes into the reason or summary the history keeps; a step with
    /// no text of its own (开始整改, 整改完成) is looked for as the change to the status it <paramref name="reaches"/>
    /// recorded after it was sent.
    /// </summary>
    private static async Task StepAsync(
        Session user, JsonElement detail, string step, ConcurrentBag<AcknowledgedWrite> writes, Func<string, object> body, string? reaches = null)
    {
        var item = detail.GetProperty("item");
        var id = item.GetProperty("id").GetGuid();
        var marker = Marker();
        var content = JsonNode.Parse(JsonSerializer.Serialize(body(marker)))!.AsObject();
        content["version"] = item.GetProperty("version").GetGuid();
        var sent = DateTime.UtcNow;
        if (await user.SendAsync(HttpMethod.Post, $"/api/items/{id}/{step}", JsonContent.Create(content)) is { Ok: true })
        {
            writes.Add(reaches is null ? new(id, WriteKind.Step, marker) : new(id, WriteKind.Status, reaches, sent));
        }
    }

    /// <summary>A small PDF made here, unique so its SHA-256 names this upload only.</summary>
    private static async Task UploadAsync(Session user, JsonElement detail, ConcurrentBag<AcknowledgedWrite> writes)
    {
        var item = detail.GetProperty("item");
        var id = item.GetProperty("id").GetGuid();
        var marker = Marker();
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", $"会议纪要-{marker}.pdf");
        form.Add(new StringContent(item.GetProperty("version").GetGuid().ToString()), "version");
        form.Add(new StringContent($"扩容测试 {marker}"), "note");
        if (await user.SendAsync(HttpMethod.Post, $"/api/items/{id}/evidence", form) is { Ok: true })
        {
            writes.Add(new(id, WriteKind.Evidence, Convert.ToHexStringLower(SHA256.HashData(pdf))));
        }
    }

    /// <summary>Every acknowledged write looked for in its item, as the office reads it; answers the number not found.</summary>
    private static async Task<int> VerifyAsync(Session office, ConcurrentBag<AcknowledgedWrite> writes)
    {
        var lost = 0;
        foreach (var item in writes.GroupBy(w => w.ItemId))
        {
            if (await office.SendAsync(HttpMethod.Get, $"/api/items/{item.Key}") is not { Ok: true, Body: { } detail })
            {
                lost += item.Count();
                Console.WriteLine($"lost: item {item.Key} could not be read back ({item.Count()} writes)");
                continue;
            }

            var progress = detail.GetProperty("progressReports").EnumerateArray().Select(p => p.GetProperty("progress").GetString()!).ToList();
            var evidence = detail.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("sha256").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var history = detail.GetProperty("history").EnumerateArray().ToList();
            foreach (var write in item)
            {
                var found = write.Kind switch
                {
                    WriteKind.Progress => progress.Exists(p => p.Contains(write.Marker, StringComparison.Ordinal)),
                    WriteKind.Evidence => evidence.Contains(write.Marker),
                    WriteKind.Status => history.Exists(h => h.GetProperty("change").GetString() == "StatusChanged"
                        && h.GetProperty("to").GetString() == write.Marker
                        && h.GetProperty("at").GetDateTime() >= write.Sent!.Value.AddSeconds(-2)),
                    _ => history.Exists(h => h.GetProperty("reason").GetString()?.Contains(write.Marker, StringComparison.Ordinal) == true),
                };
                if (!found)
                {
                    lost++;
                    Console.WriteLine($"lost: {write.Kind} {write.Marker} on item {item.Key}");
                }
            }
        }

        return lost;
    }

    private static string Marker() => $"SO-{Guid.NewGuid():N}";

    private static Task Pause() => Task.Delay(Random.Shared.Next(50, 250));

    private enum WriteKind
    {
        Progress,
        Evidence,
        Step,
        Status,
    }

    /// <param name="Marker">The progress text's marker, the evidence's SHA-256, the marker in a step's reason, or the status reached.</param>
    /// <param name="Sent">For a step known by its status: when it was sent (UTC, this machine's clock, as the server's).</param>
    private sealed record AcknowledgedWrite(Guid ItemId, WriteKind Kind, string Marker, DateTime? Sent = null);

    private sealed record Answer(bool Ok, JsonElement? Body);

    /// <summary>
    /// Sorts every answer: 2xx; 409, the honest answer to a race; a failure on the killed node (the proxy names it as the
    /// node that answered, or a 502/504 once it is dead); anything else is an error, printed with what the node said.
    /// </summary>
    private sealed class Outcomes(string nodeA)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _killedAt = -1;
        private int _answered;
        private int _conflicts;
        private int _onKilledNode;
        private int _errors;
        private int _scans;
        private int _remindersRecorded;

        private readonly ConcurrentDictionary<string, int> _byNode = new();

        public int Answered => _answered;

        /// <summary>How many answers each node gave before and after the kill, as the proxy named them.</summary>
        public string ByNode => string.Join(", ", _byNode.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key} {n.Value}"));

        public int Conflicts => _conflicts;

        public int OnKilledNode => _onKilledNode;

        public int Errors => _errors;

        public int Scans => _scans;

        public int RemindersRecorded => _remindersRecorded;

        public void Scanned(int reminders) => Interlocked.Add(ref _remindersRecorded, reminders);

        public void Killed() => Interlocked.Exchange(ref _killedAt, _clock.ElapsedMilliseconds);

        /// <summary>Seconds from the start of the workload to the kill.</summary>
        public double KilledAfter => Interlocked.Read(ref _killedAt) / 1000.0;

        public async Task<Answer> SortAsync(HttpRequestMessage request, HttpResponseMessage response)
        {
            Interlocked.Increment(ref _answered);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var upstream = response.Headers.TryGetValues("X-Ledger-Upstream", out var values) ? string.Join(", ", values) : "-";
            var node = upstream.Split(',').Last().Trim();
            _byNode.AddOrUpdate(
                $"{(node == nodeA ? "node A" : node)} {(Interlocked.Read(ref _killedAt) >= 0 ? "after" : "before")} the kill", 1, (_, n) => n + 1);
            if (response.IsSuccessStatusCode)
            {
                if (request.RequestUri!.AbsolutePath.EndsWith("/reminders/scan", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _scans);
                }

                return new(true, text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                    ? JsonDocument.Parse(text).RootElement.Clone()
                    : null);
            }

            if (status == (int)HttpStatusCode.Conflict)
            {
                Interlocked.Increment(ref _conflicts);
            }
            else if (node == nodeA || Interlocked.Read(ref _killedAt) >= 0 && status is 502 or 504)
            {
                Interlocked.Increment(ref _onKilledNode);
                Console.WriteLine($"in flight on the killed node: {request.Method} {request.RequestUri!.PathAndQuery} {status} upstream {upstream}");
            }
            else
            {
                Error($"{request.Method} {request.RequestUri!.PathAndQuery} {status} upstream {upstream}: {text[..Math.Min(text.Length, 300)]}");
            }

            return new(false, null);
        }

        public void Error(string what)
        {
            Interlocked.Increment(ref _errors);
            Console.WriteLine($"error: {what}");
        }
    }

    /// <summary>One signed-in user's client: a cookie jar like a browser's, or a bearer token.</summary>
    private sealed class Session : IDisposable
    {
        private readonly HttpClient _client;
        private readonly Outcomes _outcomes;

        private Session(HttpClient client, string userName, bool cookies, Outcomes outcomes)
        {
            _client = client;
            _outcomes = outcomes;
            UserName = userName;
            Cookies = cookies;
        }

        public string UserName { get; }

        public bool Cookies { get; }

        public static async Task<Session> SignInAsync(Uri proxy, string userName, bool cookies, Outcomes outcomes)
        {
            var handler = new SocketsHttpHandler { UseCookies = cookies, CookieContainer = new CookieContainer() };
            var session = new Session(new HttpClient(handler) { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(30) }, userName, cookies, outcomes);
            var login = await session.SendAsync(
                HttpMethod.Post, cookies ? "/api/auth/login?useCookies=true" : "/api/auth/login", JsonContent.Create(new { userName, password = Password }));
            if (login is not { Ok: true })
            {
                session.Dispose();
                throw new InvalidOperationException($"{userName} could not sign in through {proxy}.");
            }

            if (!cookies)
            {
                session._client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Body!.Value.GetProperty("accessToken").GetString());
            }

            return session;
        }

        public async Task<Answer?> SendAsync(HttpMethod method, string path, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            try
            {
                using var response = await _client.SendAsync(request);
                return await _outcomes.SortAsync(request, response);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The proxy itself did not answer: never an honest outcome, whichever node was behind it.
                _outcomes.Error($"{method} {path} by {UserName}: {e.Message}");
                return null;
            }
        }

        public void Dispose() => _client.Dispose();
    }
}
