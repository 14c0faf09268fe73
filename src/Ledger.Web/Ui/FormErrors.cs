using Microsoft.AspNetCore.Components.Forms;

namespace Ledger.Web.Ui;

/// <summary>Puts the server's field errors under the form's own fields; what no field takes is returned to show above the form.</summary>
internal static class FormErrors
{
    public static string? Show<T>(EditContext form, ValidationMessageStore store, UiOutcome<T> outcome)
    {
        store.Clear();
        var properties = form.Model.GetType().GetProperties().Select(p => p.Name).ToList();
        var unplaced = new List<string>();
        foreach (var (key, messages) in outcome.FieldErrors)
        {
            // An element of a list ("dueSoonOffsets[0]") goes under the list's own field.
            var field = key.Split('[')[0];
            var property = properties.Find(p => string.Equals(p, field, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                unplaced.AddRange(messages);
            }
            else
            {
                store.Add(form.Field(property), messages);
            }
        }

        form.NotifyValidationStateChanged();
        return outcome.FieldErrors.Count == 0 ? outcome.Message : unplaced.Count > 0 ? string.Join(" ", unplaced) : null;
    }
}
