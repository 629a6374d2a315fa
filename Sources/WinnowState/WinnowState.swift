import GRDB

/// The daemon's durable state: sources, the URL frontier, hosts and written stories.
public enum WinnowState {}
