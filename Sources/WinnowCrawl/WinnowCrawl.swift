/// Crawl policy as pure functions: no I/O, no clocks of their own (callers pass `now`), so every rule is
/// testable in isolation and the scheduler stays a narrated orchestrator.
///
/// The module's types: `URLNormalizer` (canonical URLs for deduplication), `RobotsTxt` and `RobotsPolicy`
/// (RFC 9309), `Backoff` (retry delays with jitter), `RetryAfter` (the header), `PollInterval` (adaptive
/// source polling), and `HostDelay` (per-host politeness).
public enum WinnowCrawl {}
