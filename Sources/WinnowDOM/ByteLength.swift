import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The length of a NUL-terminated libxml2 string, by the C library's `strlen` (vectorised) rather than
/// `xmlStrlen` (a byte loop behind a call): the tree's text and attribute values are read for every node, and
/// long `data-*`, `srcset` and text values made the count show up in profiles.
@inline(__always)
func byteLength(_ string: UnsafePointer<xmlChar>) -> Int {
    strlen(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self))
}

/// The length of a short NUL-terminated name (tag and attribute names), counted inline: for a few bytes a
/// call costs more than the loop.
@inline(__always)
func shortByteLength(_ string: UnsafePointer<xmlChar>) -> Int {
    var count = 0
    while string[count] != 0 { count += 1 }
    return count
}
