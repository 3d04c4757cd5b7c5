namespace Router.Cli.Tests.Report;

/// <summary>A clock stopped at one moment, in UTC, so a report's window and days do not move under the test.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
