import CLibXML2

/// Answers "is this node inside one of these subtrees?" for many nodes in time linear in the tree.
///
/// `Node.contains` climbs from a node to the root; asking it for every match of a selector costs matches ×
/// depth, which is quadratic on a page nesting 300,000 levels deep (a rule stripping `div.x` there matches
/// every level). Here every node climbed through remembers its answer, so each node is climbed at most once.
public struct SubtreeMembership {
    private let roots: Set<xmlNodePtr>
    private var known: [xmlNodePtr: Bool] = [:]

    /// Membership in the subtrees of `roots` (each root counts as inside its own subtree).
    public init(_ roots: [Node]) {
        self.roots = Set(roots.map(\.raw))
    }

    /// True when `node` is one of the roots or lies below one.
    public mutating func contains(_ node: Node) -> Bool { contains(raw: node.raw) }

    mutating func contains(raw node: xmlNodePtr?) -> Bool {
        var path: [xmlNodePtr] = []
        var cursor = node
        var answer = false
        while let current = cursor {
            if roots.contains(current) { answer = true; break }
            if let memo = known[current] { answer = memo; break }
            path.append(current)
            cursor = current.pointee.parent
        }
        for visited in path { known[visited] = answer }
        return answer
    }
}

extension Node {
    /// The nodes that lie inside none of the others (duplicates dropped), in their given order: removing
    /// these removes every node given, and nothing is touched twice. Linear in the tree (see
    /// `SubtreeMembership`), whatever the nesting.
    public static func outermost(_ nodes: [Node]) -> [Node] {
        var membership = SubtreeMembership(nodes)
        var seen: Set<xmlNodePtr> = []
        return nodes.filter { node in
            guard seen.insert(node.raw).inserted else { return false }
            return !membership.contains(raw: node.raw.pointee.parent)
        }
    }
}
