/// The parsed form of a CSS selector list, before translation to XPath.
///
/// Only what Winnow supports is representable; everything else is rejected by the parser with a message saying
/// what and where (a 1-based column).
struct CSSSelectorList {
    var selectors: [CSSComplexSelector]
}

/// Compound selectors joined by combinators. The first step's combinator says how it relates to the context
/// node: `.descendant` for an ordinary selector, or the explicit one of a relative selector such as `> p`.
struct CSSComplexSelector {
    var steps: [CSSStep]
}

/// One compound selector and the combinator that leads to it.
struct CSSStep {
    var combinator: CSSCombinator
    var compound: CSSCompound
}

/// How a compound selector relates to the previous one.
enum CSSCombinator: Equatable {
    /// Whitespace: any descendant.
    case descendant
    /// `>`: a child.
    case child
    /// `+`: the next element sibling.
    case adjacent
    /// `~`: any following element sibling.
    case sibling
}

/// A type selector (nil = universal) plus the conditions that must all hold.
struct CSSCompound {
    var tag: String?
    var conditions: [CSSCondition]
}

/// One simple selector other than the type.
indirect enum CSSCondition {
    case id(String)
    case className(String)
    case attribute(CSSAttributeTest)
    case pseudo(CSSPseudoClass)
    /// `:not(a, b)`: none of the compounds match.
    case not([CSSCompound])
    /// `:is(a, b)` / `:where(a, b)`: at least one compound matches.
    case any([CSSCompound])
    /// `:has(rel, rel)`: some relative selector finds an element from here.
    case has([CSSComplexSelector])
}

/// `[name op value flag]`.
struct CSSAttributeTest {
    /// The operator between name and value; nil for a presence test `[name]`.
    enum Operator: String {
        case equals = "="
        case includes = "~="
        case dashMatch = "|="
        case prefix = "^="
        case suffix = "$="
        case substring = "*="
    }

    var name: String
    var op: Operator?
    var value: String
    /// The `i` flag: compare ASCII case-insensitively.
    var caseInsensitive: Bool
}

/// The structural pseudo-classes that XPath 1.0 can express.
enum CSSPseudoClass {
    case firstChild, lastChild, onlyChild, empty, root
    case firstOfType, lastOfType, onlyOfType
    case nthChild(CSSNth), nthLastChild(CSSNth), nthOfType(CSSNth), nthLastOfType(CSSNth)
}

/// The `an+b` of `:nth-child()`: matches positions `a*n + b` for some n >= 0.
struct CSSNth: Equatable {
    var a: Int
    var b: Int
}

extension CSSCondition {
    /// True when the condition refers to the element's type (the `*-of-type` pseudo-classes).
    var needsType: Bool {
        switch self {
        case .pseudo(.firstOfType), .pseudo(.lastOfType), .pseudo(.onlyOfType), .pseudo(.nthOfType),
             .pseudo(.nthLastOfType):
            return true
        default:
            return false
        }
    }
}
