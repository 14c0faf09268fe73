using System.Data.Common;
using System.Diagnostics;
using FluentValidation;
using Ledger.Application.Calendar;
using Ledger.Application.Common;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Importing;
using Ledger.Application.Items;
using Ledger.Application.Organisation;
using Ledger.Application.Rounds;
using Ledger.Domain.Items;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace Ledger.Application.Tests;

public sealed class PipelineTests : IAsyncDisposable
{
    private ApplicationHarness _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static CreateRoundCommand Round(string team = "市委第三巡察组") =>
        new(team, "某区人民检察院党组", new DateOnly(2024, 4, 10), new DateOnly(2024, 5, 31), new DateOnly(2024, 7, 15), null, ["政治建设方面"]);

    private async Task<ItemState> NewItemAsync()
    {
        var round = await _app.SendAsync(Round());
        var aspect = (await _app.SendAsync(new GetRoundQuery(round.Id))).Aspects[0];
        return await _app.SendAsync(new CreateItemCommand(round.Id, aspect.Id, "理论学习不够深入", null));
    }

    [Fact]
    public async Task Validation_fails_before_the_handler_with_Chinese_messages_per_field()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(Round(team: "")));

        var failure = Assert.Single(error.Errors);
        Assert.Equal(("InspectingTeam", "请填写“巡察组”。"), (failure.PropertyName, failure.ErrorMessage));
        Assert.Equal(0, await _app.ReadAsync(db => db.Rounds.CountAsync()));
    }

    [Fact]
    public async Task Paging_limits_are_validated_in_Chinese()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(new ListItemsQuery { PageSize = 500 }));

        Assert.Contains("每页条数", Assert.Single(error.Errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signed_in_user_and_the_clock_stamp_history_and_audit()
    {
        var item = await NewItemAsync();
        _app.User.SetupGet(u => u.Name).Returns("政治部-陈立");
        _app.Clock.Advance(TimeSpan.FromHours(1));

        await _app.SendAsync(new StartItemCommand(item.Id, item.Version));

        var detail = await _app.SendAsync(new GetItemQuery(item.Id));
        var started = detail.History[^1];
        Assert.Equal(("政治部-陈立", new DateTime(2025, 1, 15, 18, 30, 0, DateTimeKind.Utc)), (started.Actor, started.At));
        var audit = await _app.ReadAsync(db => db.AuditRecords.Where(a => a.EntityId == item.Id).OrderBy(a => a.At).ToListAsync());
        Assert.Equal(["办公室-周敏", "政治部-陈立"], audit.Select(a => a.Actor));
        Assert.Equal("RectificationItem", audit[1].EntityType);
    }

    [Fact]
    public async Task Reasons_reach_the_audit_record()
    {
        var item = await NewItemAsync();
        item = await _app.SendAsync(new StartItemCommand(item.Id, item.Version));

        await _app.SendAsync(new MarkItemPartiallyDoneCommand(item.Id, item.Version, "制度已建立，学习长期坚持"));

        var audit = await _app.ReadAsync(db => db.AuditRecords.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).FirstAsync());
        Assert.Equal(("MarkItemPartiallyDone", "制度已建立，学习长期坚持"), (audit.Action, audit.Reason));
    }

    [Fact]
    public async Task Progress_is_dated_today_in_China_and_never_in_the_future()
    {
        var item = await NewItemAsync();

        await _app.SendAsync(new ReportProgressCommand(item.Id, "召开专题会议", null, null));
        var future = await Assert.ThrowsAsync<ValidationException>(() =>
            _app.SendAsync(new ReportProgressCommand(item.Id, "明天的进展", null, null, new DateOnly(2025, 1, 17))));

        Assert.Equal("报送日期不能晚于今天。", Assert.Single(future.Errors).ErrorMessage);
        Assert.Equal(new DateOnly(2025, 1, 16), Assert.Single((await _app.SendAsync(new GetItemQuery(item.Id))).ProgressReports).ReportDate);
    }

    [Fact]
    public async Task Commands_against_missing_records_are_not_found()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(new StartItemCommand(Guid.NewGuid(), Guid.NewGuid())));

        Assert.Equal("整改事项不存在或无权查看。", error.Message);
    }

    /// <summary>
    /// The database fails once it has run the statement that writes the command's audit record, after the item's own
    /// statements: only the save's one transaction keeps the item and its history from being written without a record.
    /// </summary>
    [Fact]
    public async Task A_command_commits_once_or_not_at_all()
    {
        await _app.DisposeAsync();
        var failing = new FailAfterAuditWrite();
        _app = new ApplicationHarness(services =>
        {
            services.ConfigureDbContext<SqliteLedgerDbContext>(o => o.AddInterceptors(failing));
            services.ConfigureDbContext<PostgreSqlLedgerDbContext>(o => o.AddInterceptors(failing));
        });
        var item = await NewItemAsync();
        var records = await _app.ReadAsync(db => db.AuditRecords.CountAsync());
        failing.Armed = true;

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => _app.SendAsync(new StartItemCommand(item.Id, item.Version)));

        failing.Armed = false;
        Assert.IsType<IOException>(failure.InnerException);
        var detail = await _app.SendAsync(new GetItemQuery(item.Id));
        Assert.Equal((ItemStatus.NotStarted, item.Version), (detail.Item.Status, detail.Item.Version));
        Assert.Single(detail.History);
        Assert.Equal(records, await _app.ReadAsync(db => db.AuditRecords.CountAsync()));
    }

    private sealed class FailAfterAuditWrite : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            FailIfAudit(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            FailIfAudit(command);
            return ValueTask.FromResult(result);
        }

        private void FailIfAudit(DbCommand command)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"AuditRecords\"", StringComparison.Ordinal))
            {
                throw new IOException("the connection dropped after the audit record was written");
            }
        }
    }

    [Fact]
    public async Task A_command_still_reading_its_document_holds_no_lock_another_users_write_goes_through_meanwhile()
    {
        await _app.DisposeAsync();
        using var reading = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var reader = new Mock<IDocumentReader>();
        reader.Setup(r => r.Read(It.IsAny<byte[]>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(() =>
        {
            reading.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return ImportDocument.FromText("没有可识别的内容");
        });
        _app = new ApplicationHarness(services => services.Replace(ServiceDescriptor.Singleton(reader.Object)));

        var import = Task.Run(() => _app.SendAsync(new ImportReportCommand("慢文件.docx", [1, 2, 3], DryRun: false)));
        Assert.True(reading.Wait(TimeSpan.FromSeconds(10)), "the import never started reading");
        var write = Stopwatch.StartNew();
        await _app.SendAsync(new CreateDepartmentCommand("读取期间新增的部门"));
        write.Stop();
        release.Set();
        await Task.WhenAny(import); // whether such a text imports is the importer's tests' business

        // Before, the import's transaction took SQLite's write lock first: this write waited 30 s and failed.
        Assert.True(write.Elapsed < TimeSpan.FromSeconds(5), $"the write waited {write.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(1, await _app.ReadAsync(db => db.Departments.CountAsync(d => d.Name == "读取期间新增的部门")));
    }

    [Fact]
    public async Task Queries_do_not_track_what_they_read()
    {
        await NewItemAsync();

        var tracked = await _app.ReadAsync(async db =>
        {
            using var calendars = new WorkingCalendars(TimeProvider.System);
            var handler = new ListItemsQueryHandler(db, new RequestContext(_app.User.Object, TimeProvider.System), calendars);
            await handler.Handle(new ListItemsQuery(), CancellationToken.None);
            return db.ChangeTracker.Entries().Count();
        });

        Assert.Equal(0, tracked);
    }
}
