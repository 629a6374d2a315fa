import Synchronization

/// A `Mutex` that escaping closures can capture: a value shared between a test and the threads or server
/// handlers it starts. (A `Mutex` itself cannot be copied into a closure; where the state is a stored property
/// of a class, use `Mutex` directly.)
public final class Shared<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    public init(_ value: Value) { storage = Mutex(value) }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        storage.withLock { body(&$0) }
    }

    /// A copy of the value.
    public var value: Value { storage.withLock { $0 } }
}
