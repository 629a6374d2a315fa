/// Crawl policy as pure functions: no I/O, no clocks of their own (callers pass `now`), so every rule is
/// testable in isolation and the scheduler stays a narrated orchestrator.
public enum WinnowCrawl {}
