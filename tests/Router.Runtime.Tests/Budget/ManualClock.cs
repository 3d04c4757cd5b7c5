namespace Router.Runtime.Tests.Budget;

/// <summary>A clock the test moves by hand, in a time zone of its choosing.</summary>
internal sealed class ManualClock(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
