/// One header field as sent or received, with its original spelling preserved.
public struct HTTPHeader: Sendable, Hashable {
    /// The field name as written (lookups ignore case).
    public var name: String
    /// The field value, without surrounding whitespace.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An ordered list of header fields with case-insensitive lookup.
///
/// Repeated fields (Set-Cookie, Link, Vary...) are kept as separate entries, in arrival order,
/// because joining them with commas is wrong for some of them.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// All fields in order.
    public private(set) var fields: [HTTPHeader]

    /// Creates a header list from fields, keeping their order.
    public init(_ fields: [HTTPHeader] = []) {
        self.fields = fields
    }

    /// Creates a header list from a literal such as `["Accept": "text/html"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { HTTPHeader(name: $0.0, value: $0.1) }
    }

    /// The first value of the field named `name` (case-insensitive), or nil when absent.
    public subscript(name: String) -> String? {
        fields.first(where: { HTTPHeaders.sameName($0.name, name) })?.value
    }

    /// Every value of the field named `name` (case-insensitive), in arrival order.
    public func values(for name: String) -> [String] {
        fields.filter { HTTPHeaders.sameName($0.name, name) }.map(\.value)
    }

    /// Whether a field named `name` is present (case-insensitive).
    public func contains(_ name: String) -> Bool {
        fields.contains(where: { HTTPHeaders.sameName($0.name, name) })
    }

    /// Appends a field, keeping any existing fields of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(HTTPHeader(name: name, value: value))
    }

    /// Replaces every field named `name` with a single field.
    public mutating func set(name: String, value: String) {
        remove(name: name)
        add(name: name, value: value)
    }

    /// Removes every field named `name`.
    public mutating func remove(name: String) {
        fields.removeAll(where: { HTTPHeaders.sameName($0.name, name) })
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Iterates fields in order.
    public func makeIterator() -> IndexingIterator<[HTTPHeader]> { fields.makeIterator() }

    /// ASCII case-insensitive comparison, as header names are ASCII tokens.
    static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        let a = lhs.utf8, b = rhs.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            if lowerASCII(x) != lowerASCII(y) { return false }
        }
        return true
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
    }
}
