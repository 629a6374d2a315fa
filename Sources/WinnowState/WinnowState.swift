/// The daemon's durable state: sources, the URL frontier, hosts and written stories.
///
/// `StateStore` is the protocol the daemon programs against (plain records, no storage types);
/// `SQLiteStateStore` implements it on SQLite through GRDB.
public enum WinnowState {}
