// PLACEHOLDER: replaced by the CSS-to-XPath translator.
public enum CSSSelector {
    public static func xpath(for selector: String) throws -> String {
        throw DOMError(.invalidSelector, "CSS selectors are not implemented yet: \(selector)")
    }
}
