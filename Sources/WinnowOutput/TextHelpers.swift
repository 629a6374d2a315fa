import Foundation

// Small string helpers shared by the renderers and the story writer.

/// The value with whitespace collapsed and trimmed, or nil when nothing is left.
func nonEmpty(_ value: String?) -> String? {
    guard let value else { return nil }
    let cleaned = InlineNormalizer.trimmingCollapsible(InlineNormalizer.collapseWhitespace(value))
    return cleaned.isEmpty ? nil : cleaned
}

/// "A", "A and B", "A, B and C".
func joinedNames(_ names: [String]) -> String {
    guard names.count > 1, let last = names.last else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + last
}

/// Converts CRLF and CR line endings to LF.
func normalizingLineEndings(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
}

func trimmingTrailingNewlines(_ text: String) -> String {
    var value = Substring(text)
    while value.last == "\n" { value = value.dropLast() }
    return String(value)
}
