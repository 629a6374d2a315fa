import WinnowCrawl

/// URL normalization: the input is a reference, optionally followed by a newline and a base URL.
/// Invariants: a normalized URL is absolute http(s), normalizes to itself (idempotence) and has the same host;
/// resolving against a base gives a URL that is itself a fixed point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzURL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let reference = String(parts[0])
    let base = parts.count > 1 ? String(parts[1]) : nil

    check(URLNormalizer.normalize(reference), from: reference)
    if let base {
        let normalizedBase = URLNormalizer.normalize(base)
        check(normalizedBase, from: base)
        check(URLNormalizer.normalize(reference, relativeTo: base), from: "\(reference) against \(base)")
        if let normalizedBase {
            check(URLNormalizer.normalize(reference, relativeTo: normalizedBase),
                  from: "\(reference) against \(normalizedBase)")
        }
    }
    return 0
}

/// The invariants every normalized URL must hold.
func check(_ normalized: String?, from input: String) {
    guard let normalized else { return }
    // Compared as bytes: a host may start with a combining mark, which joins the `/` before it into one Character.
    require(normalized.utf8.starts(with: "http://".utf8) || normalized.utf8.starts(with: "https://".utf8),
                 "normalize(\(input.debugDescription)) = \(normalized.debugDescription) is not http(s)")
    let again = URLNormalizer.normalize(normalized)
    require(again == normalized,
                 "not idempotent: \(input.debugDescription) → \(normalized.debugDescription) → \(again.debugDescription)")
    let host = URLNormalizer.host(of: normalized)
    require(host != nil && !host!.isEmpty, "normalized \(normalized.debugDescription) has no host")
    require(URLNormalizer.host(of: again!) == host, "host changed when renormalizing \(normalized.debugDescription)")
    // Resolving a normalized absolute URL against any base gives the URL itself.
    let resolved = URLNormalizer.normalize(normalized, relativeTo: "https://base.example/dir/page?q=1")
    require(resolved == normalized,
                 "absolute \(normalized.debugDescription) resolved to \(resolved.debugDescription) against a base")
}

/// `precondition` that also prints its message: release builds drop precondition messages, and the message is
/// what tells a finding's reader which invariant broke.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
