import ArgumentParser
import WinnowFetch

/// Checks on URLs given on the command line, so a bad one is refused before anything runs.
enum URLArguments {
    /// Throws a usage error unless `url` is an http(s) URL with a host; `option` names where it was given.
    static func validate(_ url: String, option: String? = nil) throws {
        let place = option.map { "\($0) \(url)" } ?? url
        guard looksLikeURL(url) else { throw ValidationError("\(place): not a URL (give an http:// or https:// URL)") }
        do {
            try HTTPClient.validate(url: url)
        } catch {
            throw ValidationError("\(place): \(error.message)")
        }
    }

    /// True when `argument` names a URL (it has a scheme, `name://`) rather than a file path.
    static func looksLikeURL(_ argument: String) -> Bool {
        guard let separator = argument.range(of: "://") else { return false }
        let scheme = argument[..<separator.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// A page argument (a URL or a file): a URL must be one Winnow can fetch.
    static func validatePage(_ argument: String) throws {
        if looksLikeURL(argument) { try validate(argument) }
    }
}

/// Checks on numeric options: a value outside its range is refused with the option's name and the range.
enum OptionRange {
    /// Throws "--name must be between low and high unit (got value)" unless `value` is in `range`.
    static func check(_ value: Int, _ range: ClosedRange<Int>, option: String, unit: String = "") throws {
        guard !range.contains(value) else { return }
        let suffix = unit.isEmpty ? "" : " \(unit)"
        throw ValidationError(
            "\(option) must be between \(range.lowerBound) and \(range.upperBound)\(suffix) (got \(value))")
    }
}
