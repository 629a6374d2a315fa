import Foundation
import GRDB
import GRDBSQLite
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `StateStore` in one SQLite database, `<directory>/state.sqlite`, through a GRDB `DatabasePool`.
///
/// **Opening.** `init(directory:)` creates the directory when missing (mode 0700), takes the exclusive lock
/// `<directory>/lock` (one daemon per state directory; the error names the holder's pid), opens the database
/// in WAL mode and applies the migrations it lacks. `init(directory:mode: .readOnly)` is for `winnow status`:
/// it takes no lock, reads while a daemon writes, never migrates, and every write throws `.readOnly`.
///
/// **Durability.** WAL journal with `synchronous = NORMAL`: a crash of the process loses nothing committed,
/// a power cut can lose the last transactions but never corrupts the file. The WAL is persistent (its files
/// stay after the last connection closes) so a read-only open always works. Foreign keys are enforced.
///
/// **Transactions.** Every method is one transaction: writes are serialized on the pool's writer, reads run
/// on snapshot-isolated readers and never wait for writes.
public final class SQLiteStateStore: StateStore {
    /// How a store is opened.
    public enum Mode: Sendable, Hashable {
        /// The daemon's open: lock, create, migrate, read and write.
        case readWrite
        /// `winnow status`'s open: no lock, no migration, reads only.
        case readOnly
    }

    /// The database's file name inside the state directory.
    public static let databaseFileName = "state.sqlite"

    /// How long a connection waits for a lock held by another connection before failing, in seconds.
    public static let busyTimeout: TimeInterval = 10

    /// The state directory.
    public let directory: String
    /// How the store was opened.
    public let mode: Mode

    let pool: DatabasePool
    private let lifecycle: Mutex<Lifecycle>

    private struct Lifecycle {
        var lock: StateDirectoryLock?
        var closed = false
    }

    /// Opens the state in `directory`, read-write (the default) or read-only.
    ///
    /// Throws `.locked` when another process holds the directory read-write, `.notFound` for a read-only
    /// open of a directory without state, `.schemaTooNew` when a newer Winnow migrated the database, and
    /// `.schemaOutdated` for a read-only open of a database that still needs migrating.
    public init(directory: String, mode: Mode = .readWrite) throws {
        self.directory = directory
        self.mode = mode
        let databasePath = directory + "/" + Self.databaseFileName
        var lock: StateDirectoryLock?
        let pool: DatabasePool
        do {
            switch mode {
            case .readWrite:
                try Self.createDirectory(directory)
                lock = try StateDirectoryLock.acquire(directory: directory)
            case .readOnly:
                guard FileManager.default.fileExists(atPath: databasePath) else {
                    throw StateStoreError.notFound(directory: directory)
                }
            }
            pool = try DatabasePool(path: databasePath, configuration: Self.configuration(mode: mode))
            try Self.checkSchema(pool, directory: directory, mode: mode)
        } catch {
            lock?.release()
            throw Self.storeError(error)
        }
        self.pool = pool
        lifecycle = Mutex(Lifecycle(lock: lock))
    }

    deinit {
        lifecycle.withLock { state in
            state.lock?.release()
            state.lock = nil
        }
    }

    /// Closes the database and releases the directory's lock.
    public func close() throws {
        let wasOpen = lifecycle.withLock { state in
            defer { state.closed = true }
            return !state.closed
        }
        guard wasOpen else { return }
        defer {
            lifecycle.withLock { state in
                state.lock?.release()
                state.lock = nil
            }
        }
        do {
            try pool.close()
        } catch {
            throw Self.storeError(error)
        }
    }

    // MARK: Running transactions

    /// Runs `body` in a write transaction, translating every error into a `StateStoreError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try checkOpen()
        guard mode == .readWrite else { throw StateStoreError.readOnly }
        do {
            return try pool.write(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Runs `body` in a read transaction (a snapshot), translating every error into a `StateStoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try checkOpen()
        do {
            return try pool.read(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    private func checkOpen() throws {
        if lifecycle.withLock({ $0.closed }) { throw StateStoreError.closed }
    }

    /// Any error as a `StateStoreError`: store errors pass through, GRDB's become `.storage` or `.corrupt`.
    static func storeError(_ error: any Error) -> StateStoreError {
        switch error {
        case let error as StateStoreError:
            return error
        case let error as DatabaseError:
            return .storage(singleLine(error.description))
        case let error as RowDecodingError:
            return .corrupt(singleLine(String(describing: error)))
        default:
            return .storage(singleLine(String(describing: error)))
        }
    }

    private static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    // MARK: Opening

    private static func configuration(mode: Mode) -> Configuration {
        var configuration = Configuration()
        configuration.label = "winnow-state"
        configuration.foreignKeysEnabled = true
        configuration.readonly = mode == .readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // Reader connections (and every connection of a read-only pool) are read-only: nothing to set.
            guard !db.configuration.readonly else { return }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Keep the -wal and -shm files when the last connection closes: read-only connections need them.
            var persist: CInt = 1
            let code = withUnsafeMutablePointer(to: &persist) {
                sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, $0)
            }
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        }
        return configuration
    }

    /// Refuses a database a newer Winnow migrated; migrates a writable one, refuses an outdated read-only one.
    private static func checkSchema(_ pool: DatabasePool, directory: String, mode: Mode) throws {
        let migrator = Schema.migrator()
        let applied = try pool.read { try migrator.appliedIdentifiers($0) }
        let unknown = applied.subtracting(migrator.migrations)
        guard unknown.isEmpty else {
            throw StateStoreError.schemaTooNew(directory: directory, unknownMigrations: unknown.sorted())
        }
        switch mode {
        case .readWrite:
            try migrator.migrate(pool)
        case .readOnly:
            let missing = migrator.migrations.filter { !applied.contains($0) }
            guard missing.isEmpty else {
                throw StateStoreError.schemaOutdated(directory: directory, missingMigrations: missing)
            }
        }
    }

    /// Creates `directory` (and its parents) when missing; the directory itself gets mode 0700.
    private static func createDirectory(_ directory: String) throws(StateStoreError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .unusableDirectory(directory: directory, reason: "not a directory")
            }
            return
        }
        let parent = (directory as NSString).deletingLastPathComponent
        do {
            if !parent.isEmpty {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
        } catch {
            throw .unusableDirectory(
                directory: directory, reason: "cannot create \(parent): \(error.localizedDescription)")
        }
        if mkdir(directory, 0o700) != 0 && errno != EEXIST {
            throw .unusableDirectory(directory: directory, reason: String(cString: strerror(errno)))
        }
    }
}
