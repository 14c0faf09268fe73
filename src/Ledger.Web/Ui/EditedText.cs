namespace Ledger.Web.Ui;

/// <summary>
/// One text of a form the user edits while the record it came from may change under it: what was last loaded and what
/// the field shows. Loading again replaces only what the user has not changed, so saving one part of a page (which
/// loads the record again) or a conflict with someone else's save keeps the user's unsaved words.
/// </summary>
internal sealed class EditedText
{
    /// <summary>The text as last loaded; blank when the record holds none.</summary>
    public string Loaded { get; private set; } = string.Empty;

    /// <summary>The text the field shows.</summary>
    public string Text { get; set; } = string.Empty;

    public bool Changed => !string.Equals(Normal(Text), Normal(Loaded), StringComparison.Ordinal);

    public void Load(string? text)
    {
        var loaded = text ?? string.Empty;
        if (!Changed)
        {
            Text = loaded;
        }

        Loaded = loaded;
    }

    /// <summary>The text was saved as shown: the next load replaces it with the record's own form of it.</summary>
    public void MarkSaved() => Loaded = Text;

    /// <summary>What to send: null for a blank field, which the report takes as "use the ledger's wording".</summary>
    public string? ToSend() => string.IsNullOrWhiteSpace(Text) ? null : Text;

    // The record keeps a text trimmed, and a browser's textarea may send \r\n for \n: neither is an edit.
    private static string Normal(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
