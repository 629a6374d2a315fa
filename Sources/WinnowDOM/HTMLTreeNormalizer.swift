import CLibXML2

/// Repairs the one libxml2 2.9 tree shape that loses article text for extractors: content after a premature
/// `</body>` or `</html>`.
///
/// libxml2 leaves such content as siblings of `<body>` under the root, or inside a second `<html>` element nested
/// in the root (`/html/html/p`). Browsers put all of it into the body. Pages with a stray `</body></html>` before
/// the real content (template includes, injected analytics) are common, so the tree is normalised once after
/// parsing, before any `Node` value exists (which is why plain libxml2 tree functions are safe here).
struct HTMLTreeNormalizer {
    let document: xmlDocPtr

    func run() {
        guard let root = xmlDocGetRootElement(document),
              let body = firstChild(of: root, named: "body") else { return }
        // Everything after <body>, in document order; a stack (reversed) so wrappers can be opened in place
        // without recursion (concatenated pages can nest <html> many levels deep).
        var pending: [xmlNodePtr] = []
        var cursor = body.pointee.next
        while let node = cursor {
            pending.append(node)
            cursor = node.pointee.next
        }
        pending.reverse()
        while let node = pending.popLast() {
            xmlUnlinkNode(node)
            if node.pointee.type == XML_ELEMENT_NODE, isWrapper(node) {
                // A second html/head/body: dissolve it and process its children in its place.
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let current = child {
                    children.append(current)
                    child = current.pointee.next
                }
                for current in children { xmlUnlinkNode(current) }
                pending.append(contentsOf: children.reversed())
                xmlFreeNode(node)
            } else if xmlAddChild(body, node) == nil {
                xmlFreeNode(node)
            }
        }
    }

    private func isWrapper(_ node: xmlNodePtr) -> Bool {
        guard let name = node.pointee.name else { return false }
        return xmlStrEqual(name, "html") != 0 || xmlStrEqual(name, "head") != 0 || xmlStrEqual(name, "body") != 0
    }

    private func firstChild(of node: xmlNodePtr, named name: String) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, let childName = current.pointee.name,
               xmlStrEqual(childName, name) != 0 {
                return current
            }
            child = current.pointee.next
        }
        return nil
    }
}
