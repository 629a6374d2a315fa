import Foundation

/// Runs work on a thread with a small stack, so a test proves a walk does not recurse once per level of a
/// hostile document: on the 8 MiB main or dispatch stacks a recursion a few thousand levels deep still fits,
/// on 512 KiB (the default for secondary threads on Darwin) it does not.
public enum SmallStack {
    /// The stack size `run` gives its thread.
    public static let size = 512 * 1024

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
