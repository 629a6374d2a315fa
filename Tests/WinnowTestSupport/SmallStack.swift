import Foundation

/// Runs work on a thread with a small stack, so a test proves a walk does not recurse once per level of a
/// hostile document: on the 8 MiB Linux dispatch and pool stacks a recursion tens of thousands of levels deep
/// still fits, on 1 MiB it does not (a debug-build frame of the extractor's walks is 0.3–1.6 KB).
///
/// Why not smaller: the extractor does recurse, up to `ExtractionLimits` (some 450 frames), and debug frames
/// are large; 512 KiB (Darwin's secondary-thread default) overflows in a debug build at those limits.
public enum SmallStack {
    /// The stack size `run` gives its thread.
    public static let size = 1024 * 1024

    /// The result of `body`, computed on a fresh thread with a `size`-byte stack; the caller's task suspends
    /// (no cooperative thread is blocked) until it is done.
    public static func run<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = size
            thread.start()
        }
    }
}
