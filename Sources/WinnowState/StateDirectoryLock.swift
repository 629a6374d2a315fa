import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exclusive `flock` on `<state dir>/lock` that keeps two daemons off one state directory.
///
/// `flock` locks belong to the open file description, so a second open in the same process conflicts too,
/// and the kernel drops the lock when the holder dies: a crashed daemon never leaves a stale lock. The
/// holder writes its pid into the file so the loser can name it.
struct StateDirectoryLock: Sendable {
    /// The open lock file; the lock lives as long as it stays open.
    private let descriptor: Int32

    /// Takes the lock of `directory` (which must exist) without waiting.
    static func acquire(directory: String) throws(StateStoreError) -> StateDirectoryLock {
        let path = directory + "/lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .unusableDirectory(directory: directory, reason: "cannot open \(path): \(lastErrorMessage())")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = readPID(descriptor)
            _ = close(descriptor)
            if code == EWOULDBLOCK || code == EAGAIN {
                throw .locked(directory: directory, pid: holder)
            }
            throw .unusableDirectory(
                directory: directory, reason: "cannot lock \(path): \(String(cString: strerror(code)))")
        }
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
        return StateDirectoryLock(descriptor: descriptor)
    }

    /// Releases the lock by closing the file (the pid is left behind; it is rewritten by the next holder).
    func release() {
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
    }

    /// The pid the holder wrote, or nil when the file is empty or unreadable (the holder is mid-write).
    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }

    private static func lastErrorMessage() -> String {
        String(cString: strerror(errno))
    }
}
