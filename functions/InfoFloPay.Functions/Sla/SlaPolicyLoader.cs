using System.Globalization;
using System.Text.Json;
using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Functions.Sla;

/// <summary>
/// Reads and validates the SLA policy file. Every problem is collected, each naming its entry
/// (<c>tiers.vip.high.firstResponse: must be ...</c>), so one failed start-up shows all of them.
/// </summary>
public static class SlaPolicyLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static SlaPolicy Load(SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.ResolvedPolicyFile;
        if (!File.Exists(path))
        {
            throw new SlaPolicyException($"Sla:PolicyFile: the file '{path}' does not exist");
        }

        return Parse(File.ReadAllText(path));
    }

    public static SlaPolicy Parse(string json)
    {
        SlaPolicyDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<SlaPolicyDocument>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new SlaPolicyException($"{e.Path ?? "$"}: not valid JSON for the policy ({e.Message})", e);
        }

        if (document is null)
        {
            throw new SlaPolicyException("$: the policy file is empty");
        }

        var errors = new List<string>();
        var calendar = ReadCalendar(document.Calendar, errors);
        var targets = ReadTiers(document.Tiers, errors);
        if (errors.Count > 0 || calendar is null)
        {
            throw new SlaPolicyException(errors);
        }

        return new SlaPolicy(calendar, targets);
    }

    private static BusinessCalendar? ReadCalendar(SlaCalendarDocument? document, List<string> errors)
    {
        if (document is null)
        {
            errors.Add("calendar: missing (time zone, working days, working hours and holidays)");
            return null;
        }

        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(document.TimeZone ?? BusinessCalendar.DefaultTimeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            errors.Add($"calendar.timeZone: '{document.TimeZone}' is not a known IANA time zone, e.g. America/New_York");
        }

        var days = new List<DayOfWeek>();
        var dayNames = document.WorkingDays ?? [.. WorkingHours.Default.Days.Order().Select(LowerName)];
        for (var i = 0; i < dayNames.Count; i++)
        {
            var named = Enum.GetValues<DayOfWeek>().Where(day => LowerName(day) == dayNames[i]).Select(day => (DayOfWeek?)day);
            if (named.FirstOrDefault() is { } day)
            {
                days.Add(day);
            }
            else
            {
                errors.Add($"calendar.workingDays[{i}]: '{dayNames[i]}' is not a day of the week (monday … sunday)");
            }
        }

        if (dayNames.Count == 0)
        {
            errors.Add("calendar.workingDays: at least one working day is needed");
        }

        var start = ReadTime(document.WorkingHours?.Start, WorkingHours.Default.Start, "calendar.workingHours.start", errors);
        var end = ReadTime(document.WorkingHours?.End, WorkingHours.Default.End, "calendar.workingHours.end", errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors.Add("calendar.workingHours.end: must be after calendar.workingHours.start on the same day");
        }

        var holidays = new List<DateOnly>();
        var listed = document.Holidays ?? [];
        for (var i = 0; i < listed.Count; i++)
        {
            if (DateOnly.TryParseExact(listed[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                errors.Add($"calendar.holidays[{i}]: '{listed[i]}' is not a date in the form yyyy-MM-dd");
            }
        }

        if (zone is null || start is null || end is null || days.Count == 0 || end <= start)
        {
            return null;
        }

        return new BusinessCalendar(zone, new WorkingHours(days, start.Value, end.Value), holidays, document.UsFederalHolidays);
    }

    private static Dictionary<(SlaTier Tier, SlaPriority Priority), SlaTargets> ReadTiers(
        Dictionary<string, Dictionary<string, SlaRowDocument?>?>? tiers, List<string> errors)
    {
        var targets = new Dictionary<(SlaTier Tier, SlaPriority Priority), SlaTargets>();
        if (tiers is null)
        {
            errors.Add("tiers: missing (essentials, reserve and vip, each with urgent, high, medium and low)");
            return targets;
        }

        foreach (var name in tiers.Keys.Where(name => !Enum.GetValues<SlaTier>().Any(tier => LowerName(tier) == name)))
        {
            errors.Add($"tiers.{name}: unknown tier (expected {string.Join(", ", Enum.GetValues<SlaTier>().Select(LowerName))})");
        }

        foreach (var tier in Enum.GetValues<SlaTier>())
        {
            var tierPath = $"tiers.{LowerName(tier)}";
            if (!tiers.TryGetValue(LowerName(tier), out var rows) || rows is null)
            {
                errors.Add($"{tierPath}: missing");
                continue;
            }

            foreach (var name in rows.Keys.Where(name => !Enum.GetValues<SlaPriority>().Any(priority => LowerName(priority) == name)))
            {
                errors.Add($"{tierPath}.{name}: unknown priority (expected {string.Join(", ", Enum.GetValues<SlaPriority>().Select(LowerName))})");
            }

            foreach (var priority in Enum.GetValues<SlaPriority>())
            {
                var rowPath = $"{tierPath}.{LowerName(priority)}";
                if (!rows.TryGetValue(LowerName(priority), out var row) || row is null)
                {
                    errors.Add($"{rowPath}: missing");
                    continue;
                }

                if (ReadRow(row, rowPath, errors) is { } read)
                {
                    targets[(tier, priority)] = read;
                }
            }
        }

        return targets;
    }

    private static SlaTargets? ReadRow(SlaRowDocument row, string path, List<string> errors)
    {
        var before = errors.Count;
        var firstResponse = ReadPositive(row.FirstResponse, $"{path}.firstResponse", errors);
        var resolution = row.Resolution is null ? null : ReadPositive(row.Resolution, $"{path}.resolution", errors);

        TimeSpan? warningLead = null;
        if (!PolicyDuration.TryParse(row.WarningLead, out var lead))
        {
            errors.Add($"{path}.warningLead: must be {PolicyDuration.Expected} (PT0M for no warning), got '{row.WarningLead}'");
        }
        else
        {
            warningLead = lead;
            if (firstResponse is { } f && lead >= f)
            {
                errors.Add($"{path}.warningLead: must be shorter than firstResponse");
            }

            if (resolution is { } r && lead >= r)
            {
                errors.Add($"{path}.warningLead: must be shorter than resolution");
            }
        }

        SlaCalendarKind? calendar = row.Calendar switch
        {
            "business" => SlaCalendarKind.Business,
            "24x7" => SlaCalendarKind.RoundTheClock,
            _ => null,
        };
        if (calendar is null)
        {
            errors.Add($"{path}.calendar: must be 'business' or '24x7', got '{row.Calendar}'");
        }

        return errors.Count > before || firstResponse is null || warningLead is null || calendar is null
            ? null
            : new SlaTargets(firstResponse.Value, resolution, calendar.Value, warningLead.Value);
    }

    private static TimeSpan? ReadPositive(string? text, string path, List<string> errors)
    {
        if (PolicyDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        errors.Add($"{path}: must be a positive duration, {PolicyDuration.Expected}; got '{text}'");
        return null;
    }

    private static TimeOnly? ReadTime(string? text, TimeOnly fallback, string path, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add($"{path}: '{text}' is not a time of day in the form HH:mm");
        return null;
    }

    private static string LowerName<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
