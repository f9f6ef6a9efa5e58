using System.Text;
using InfoFloPay.Domain.Identity;

namespace InfoFloPay.Domain.Tickets;

/// <summary>What a ticket, reply or note may contain, and which fields a caller may set.</summary>
public static class TicketRules
{
    public const int SubjectMaxLength = 200;

    /// <summary>32 KB of UTF-8, for descriptions and replies alike.</summary>
    public const int TextMaxBytes = 32 * 1024;

    public const int CategoryMaxLength = 100;

    public const int NoteMaxLength = 1000;

    public const int NameMaxLength = 200;

    public const TicketPriority DefaultPriority = TicketPriority.Medium;

    public static NewTicket Validate(NewTicketRequest request, Caller caller, TicketChannel channel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new ValidationErrors();
        var subject = request.Subject?.Trim() ?? string.Empty;
        if (subject.Length is 0 or > SubjectMaxLength)
        {
            errors.Add("subject", $"The subject must be 1 to {SubjectMaxLength} characters.");
        }

        var description = request.Description ?? string.Empty;
        CheckText(errors, "description", description, required: false);

        var category = request.Category?.Trim();
        if (category is { Length: > CategoryMaxLength })
        {
            errors.Add("category", $"The category must be at most {CategoryMaxLength} characters.");
        }

        var priority = errors.Enum<TicketPriority>("priority", request.Priority, required: false);
        if (priority is not null && !caller.IsStaff)
        {
            throw RequestRejectedException.Forbidden("Only support staff set a ticket's priority; it is set at triage.");
        }

        var requester = caller.IsStaff ? StaffRequester(request.Requester, caller, errors) : new Requester(caller.Name, caller.Email);
        var customerId = caller.IsStaff ? Normalize(request.CustomerId) : caller.CustomerId;
        if (!caller.IsStaff && request.CustomerId is not null && !string.Equals(request.CustomerId, caller.CustomerId, StringComparison.Ordinal))
        {
            throw RequestRejectedException.Forbidden("A customer user opens tickets for its own account only.");
        }

        if (customerId is not null && !CustomerIds.IsValid(customerId))
        {
            errors.Add("customerId", CustomerIds.Rule);
        }

        errors.ThrowIfAny();
        return new NewTicket(subject, description, requester, customerId, priority ?? DefaultPriority, Normalize(category), channel);
    }

    public static (TicketPriority Priority, string? Assignee) Validate(TriageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var priority = errors.Enum<TicketPriority>("priority", request.Priority, required: true);
        var assignee = Normalize(request.Assignee)?.ToLowerInvariant();
        if (assignee is not null && !IsEmail(assignee))
        {
            errors.Add("assignee", "The assignee must be an email address (or null for unassigned).");
        }

        errors.ThrowIfAny();
        return (priority!.Value, assignee);
    }

    public static (string Body, bool Internal) Validate(ReplyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        CheckText(errors, "body", request.Body, required: true);
        errors.ThrowIfAny();
        return (request.Body!, request.Internal ?? false);
    }

    public static (TicketStatus Status, string? Note) Validate(StatusChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var status = errors.Enum<TicketStatus>("status", request.Status, required: true);
        if (request.Note is { Length: > NoteMaxLength })
        {
            errors.Add("note", $"The note must be at most {NoteMaxLength} characters; add a reply for more.");
        }

        errors.ThrowIfAny();
        return (status!.Value, Normalize(request.Note));
    }

    public static void CheckText(ValidationErrors errors, string field, string? text, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"The {field} field is required.");
        }
        else if (text is not null && Encoding.UTF8.GetByteCount(text) > TextMaxBytes)
        {
            errors.Add(field, $"The {field} must be at most {TextMaxBytes / 1024} KB.");
        }
    }

    public static bool IsEmail(string? text) =>
        text is { Length: >= 3 and <= 254 }
        && text.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        && at < text.Length - 1
        && text.IndexOf('@', at + 1) < 0
        && !text.Any(char.IsWhiteSpace);

    private static Requester StaffRequester(RequesterInput? input, Caller caller, ValidationErrors errors)
    {
        if (input is null)
        {
            return new Requester(caller.Name, caller.Email);
        }

        var email = input.Email?.Trim();
        if (!IsEmail(email))
        {
            errors.Add("requester.email", "The requester's email must be an email address.");
        }

        var name = Normalize(input.Name);
        if (name is { Length: > NameMaxLength })
        {
            errors.Add("requester.name", $"The requester's name must be at most {NameMaxLength} characters.");
        }

        return new Requester(name, email?.ToLowerInvariant() ?? string.Empty);
    }

    private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
