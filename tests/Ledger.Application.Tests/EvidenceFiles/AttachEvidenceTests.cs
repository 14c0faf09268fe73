using Ledger.Application.Common.Exceptions;
using Ledger.Application.EvidenceFiles;
using Ledger.Application.Items;
using Ledger.Application.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace Ledger.Application.Tests.EvidenceFiles;

/// <summary>A stored upload is undone when its command does not commit; an upload another row shares is kept.</summary>
public sealed class AttachEvidenceTests : IAsyncDisposable
{
    private readonly Mock<IEvidenceStore> _store = new();
    private readonly ApplicationHarness _app;

    public AttachEvidenceTests() =>
        _app = new ApplicationHarness(services => services.Replace(ServiceDescriptor.Singleton(_store.Object)));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task A_command_failing_after_the_file_was_stored_removes_only_a_file_it_created(bool created, int deletions)
    {
        var item = await NewItemAsync();

        // A blank name is refused by the domain after the store has written the file: the failure the undo is for.
        _store.Setup(s => s.SaveAsync(It.IsAny<Stream>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredEvidence("ab/abc", " ", new string('a', 64), 10, "application/pdf", created));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            _app.SendAsync(new AttachEvidenceCommand(item.Id, item.Version, "纪要.pdf", new MemoryStream([1, 2, 3]), null, null, null)));

        _store.Verify(s => s.DeleteAsync("ab/abc", It.IsAny<CancellationToken>()), Times.Exactly(deletions));
        Assert.Equal(0, await _app.ReadAsync(db => db.Items.SelectMany(i => i.Evidence).CountAsync()));
    }

    [Fact]
    public async Task A_committed_upload_is_never_undone()
    {
        var item = await NewItemAsync();
        _store.Setup(s => s.SaveAsync(It.IsAny<Stream>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredEvidence("ab/abc", "纪要.pdf", new string('a', 64), 10, "application/pdf", Created: true));

        var after = await _app.SendAsync(new AttachEvidenceCommand(item.Id, item.Version, "纪要.pdf", new MemoryStream([1, 2, 3]), null, null, null));

        // A later failing command in another scope (the upload changed the version it sends) must not reach back to
        // this one's undo list.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _app.SendAsync(new StartItemCommand(item.Id, item.Version)));
        _store.Verify(s => s.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.NotEqual(item.Version, after.Version);
        Assert.Equal("ab/abc", await _app.ReadAsync(db => db.Items.SelectMany(i => i.Evidence).Select(e => e.StorageKey).SingleAsync()));
    }

    private async Task<ItemState> NewItemAsync()
    {
        var round = await _app.SendAsync(new CreateRoundCommand("市委第三巡察组", "某区人民检察院党组", null, null, null, null, ["政治建设方面"]));
        var aspect = (await _app.SendAsync(new GetRoundQuery(round.Id))).Aspects[0];
        return await _app.SendAsync(new CreateItemCommand(round.Id, aspect.Id, "会议纪要不全", null));
    }
}
