/// Turns an element's class, id, role and itemprop into a `Category` mask.
///
/// Matching is token-anchored: a whole class token is looked up first (`entry-content`, `cookie-banner`), then
/// each part of it split on `-`/`_` (`related` in `td-related-posts`). Substrings never match, so `shareholder`
/// is not a share bar and `navy` is not navigation.
enum CategoryMatcher {
    private static let whole: [String: Category] = build(Vocabulary.wholeTokens)
    private static let parts: [String: Category] = build(Vocabulary.tokenParts)

    private static func build(_ groups: [Category: [String]]) -> [String: Category] {
        var table: [String: Category] = [:]
        for (category, tokens) in groups {
            for token in tokens { table[token, default: []].formUnion(category) }
        }
        return table
    }

    /// The categories one class or id token signals.
    static func categories(ofToken rawToken: Substring) -> Category {
        var bytes = Array(rawToken.utf8)
        return categories(ofTokenBytes: &bytes)
    }

    /// Token matching on lowercased bytes: whole token, then its `-`/`_`/`:` parts, then a BEM block name.
    private static func categories(ofTokenBytes bytes: inout [UInt8]) -> Category {
        for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] += 0x20 }
        let token = String(decoding: bytes, as: UTF8.self)
        if let hit = whole[token] { return hit }
        var result: Category = []
        var start = 0
        var sawSeparator = false
        for k in 0...bytes.count {
            let isEnd = k == bytes.count
            if isEnd || bytes[k] == 0x2D || bytes[k] == 0x5F || bytes[k] == 0x3A {
                if !isEnd { sawSeparator = true }
                if k > start {
                    let part = sawSeparator ? String(decoding: bytes[start..<k], as: UTF8.self) : token
                    if let hit = parts[part] { result.formUnion(hit) }
                }
                start = k + 1
            }
        }
        // BEM element/modifier names like `article__body--wide` keep their block name's meaning.
        if !result.contains(.articleBody) {
            for cut in bemCuts(bytes) {
                if let hit = whole[String(decoding: bytes[0..<cut], as: UTF8.self)] { result.formUnion(hit); break }
            }
        }
        return result
    }

    /// Where a BEM name can be cut, longest first: before a `--modifier`, then before an `__element`.
    private static func bemCuts(_ bytes: [UInt8]) -> [Int] {
        guard bytes.count > 2 else { return [] }
        var modifier: Int?
        var element: Int?
        for k in 1..<bytes.count where bytes[k] == bytes[k - 1] {
            if bytes[k] == 0x2D && modifier == nil { modifier = k - 1 }
            if bytes[k] == 0x5F && element == nil { element = k - 1 }
        }
        return [modifier, element].compactMap { $0 }
    }

    /// The categories of a whole attribute value holding whitespace-separated tokens.
    static func categories(ofTokens value: String) -> Category {
        var result: Category = []
        var token: [UInt8] = []
        token.reserveCapacity(32)
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                if !token.isEmpty { result.formUnion(categories(ofTokenBytes: &token)); token.removeAll(keepingCapacity: true) }
            } else {
                token.append(byte)
            }
        }
        if !token.isEmpty { result.formUnion(categories(ofTokenBytes: &token)) }
        return result
    }

    /// The categories of an element from its attributes.
    static func categories(class classValue: String?, id: String?, role: String?, itemprop: String?) -> Category {
        var result: Category = []
        if let classValue, !classValue.isEmpty { result.formUnion(categories(ofTokens: classValue)) }
        if let id, !id.isEmpty {
            // Long ids are slugs of headings (`sharing-with-a-single-developer`): only a whole match counts.
            let parts = id.split(whereSeparator: { $0 == "-" || $0 == "_" }).count
            if parts > Vocabulary.Threshold.slugParts {
                if let hit = whole[id.lowercased()] { result.formUnion(hit) }
            } else {
                result.formUnion(categories(ofToken: Substring(id)))
            }
        }
        if let role {
            let lower = role.lowercased()
            if Vocabulary.chromeRoles.contains(lower) { result.insert(.chromeRole) }
            if Vocabulary.widgetRoles.contains(lower) { result.insert(.widgetRole) }
            if Vocabulary.bodyRoles.contains(lower) { result.insert(.contentArea) }
        }
        if let itemprop, itemprop.lowercased() == "articlebody" { result.insert(.articleBody) }
        // A body-class element that also names chrome (`post-sidebar`) is chrome; `articleBody` alone stays.
        return result
    }
}
