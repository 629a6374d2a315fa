/// Where article URLs come from: feeds, sitemaps and section pages, parsed into discovered links.
public enum WinnowSources {}
