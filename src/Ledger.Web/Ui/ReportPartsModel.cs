using System.Runtime.CompilerServices;
using Ledger.Application.Reports;
using Ledger.Domain.Reports;

namespace Ledger.Web.Ui;

/// <summary>
/// The written parts of a round's report as the office edits them on the report page. The properties carry the
/// command's names, so the server's field errors land under their fields (<see cref="FormErrors"/>); each is an
/// <see cref="EditedText"/>, so loading the draft again keeps what the user has changed and not saved.
/// </summary>
internal sealed class ReportPartsModel
{
    private readonly Dictionary<string, EditedText> _parts = [];

    public string Title { get => Get(); set => Set(value); }

    public string Opening { get => Get(); set => Set(value); }

    public string OrganisationHeading { get => Get(); set => Set(value); }

    public string Organisation { get => Get(); set => Set(value); }

    public string ProblemsHeading { get => Get(); set => Set(value); }

    public string NextStepsHeading { get => Get(); set => Set(value); }

    public string NextSteps { get => Get(); set => Set(value); }

    public string Closing { get => Get(); set => Set(value); }

    public string Signature { get => Get(); set => Set(value); }

    public bool Changed => _parts.Values.Any(p => p.Changed);

    /// <summary>The draft's written parts, blank where the ledger composes them.</summary>
    public void Load(ReportParts written)
    {
        Part(nameof(Title)).Load(written.Title);
        Part(nameof(Opening)).Load(written.Opening);
        Part(nameof(OrganisationHeading)).Load(written.OrganisationHeading);
        Part(nameof(Organisation)).Load(written.Organisation);
        Part(nameof(ProblemsHeading)).Load(written.ProblemsHeading);
        Part(nameof(NextStepsHeading)).Load(written.NextStepsHeading);
        Part(nameof(NextSteps)).Load(written.NextSteps);
        Part(nameof(Closing)).Load(written.Closing);
        Part(nameof(Signature)).Load(written.Signature);
    }

    public void MarkSaved()
    {
        foreach (var part in _parts.Values)
        {
            part.MarkSaved();
        }
    }

    public EditReportCommand ToCommand(Guid roundId, Guid? version) => new(
        roundId,
        version,
        Part(nameof(Title)).ToSend(),
        Part(nameof(Opening)).ToSend(),
        Part(nameof(OrganisationHeading)).ToSend(),
        Part(nameof(Organisation)).ToSend(),
        Part(nameof(ProblemsHeading)).ToSend(),
        Part(nameof(NextStepsHeading)).ToSend(),
        Part(nameof(NextSteps)).ToSend(),
        Part(nameof(Closing)).ToSend(),
        Part(nameof(Signature)).ToSend());

    private EditedText Part(string name)
    {
        if (!_parts.TryGetValue(name, out var part))
        {
            part = _parts[name] = new EditedText();
        }

        return part;
    }

    private string Get([CallerMemberName] string name = "") => Part(name).Text;

    private void Set(string value, [CallerMemberName] string name = "") => Part(name).Text = value ?? string.Empty;
}
