import Foundation

/// Why a state store operation failed. Every error a `StateStore` throws is one of these; `description` is
/// one line, fit for a log or a CLI error.
public enum StateStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another process holds the state directory's lock; `pid` is the holder's, when it could be read.
    case locked(directory: String, pid: Int32?)
    /// A read-only open found no state database in the directory.
    case notFound(directory: String)
    /// The state directory or its lock file could not be created or opened.
    case unusableDirectory(directory: String, reason: String)
    /// The database was migrated by a newer Winnow: its schema has migrations this build does not know.
    case schemaTooNew(directory: String, unknownMigrations: [String])
    /// A read-only open found a database that still needs migrations this build would apply on a write open.
    case schemaOutdated(directory: String, missingMigrations: [String])
    /// A write was attempted on a store opened read-only.
    case readOnly
    /// The store was closed.
    case closed
    /// `reserveStory` was given a path that another story owns.
    case pathTaken(path: String, ownerKey: String)
    /// No source has this id.
    case unknownSource(String)
    /// No frontier entry has this URL.
    case unknownURL(String)
    /// No story has this key.
    case unknownStory(String)
    /// A stored value could not be read back (a value this build does not know, a wrong type).
    case corrupt(String)
    /// The storage engine failed (I/O error, full disk, constraint violation, …); the message is its own.
    case storage(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .locked(let directory, let pid):
            "another winnow is running with state dir \(directory) (pid \(pid.map(String.init) ?? "unknown"))"
        case .notFound(let directory):
            "no winnow state in \(directory) (the daemon has not run there yet)"
        case .unusableDirectory(let directory, let reason):
            "cannot use state dir \(directory): \(reason)"
        case .schemaTooNew(let directory, let unknown):
            "state dir \(directory) was written by a newer winnow (unknown migrations: \(unknown.joined(separator: ", ")))"
        case .schemaOutdated(let directory, let missing):
            "state dir \(directory) needs migrations \(missing.joined(separator: ", ")): start the daemon once to upgrade it"
        case .readOnly:
            "the state store is open read-only"
        case .closed:
            "the state store is closed"
        case .pathTaken(let path, let owner):
            "story path \(path) already belongs to \(owner)"
        case .unknownSource(let id):
            "no source with id \(id)"
        case .unknownURL(let url):
            "no frontier entry for \(url)"
        case .unknownStory(let key):
            "no story with key \(key)"
        case .corrupt(let message):
            "unreadable state: \(message)"
        case .storage(let message):
            "state storage error: \(message)"
        }
    }
}
