/// The query string of a request (or a form-urlencoded body), parsed by the emulator itself:
/// names and values percent-decoded, `+` read as a space, order and repeats kept.
struct QueryItems: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        var name: String
        var value: String
    }

    var items: [Item]

    init(items: [Item] = []) { self.items = items }

    /// Parses `a=1&b=x%20y&b=z&flag`.
    init(parsing raw: String?, plusIsSpace: Bool = true) {
        guard let raw, !raw.isEmpty else { items = []; return }
        items = raw.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = QueryItems.decode(parts[0], plusIsSpace: plusIsSpace)
            let value = parts.count > 1 ? QueryItems.decode(parts[1], plusIsSpace: plusIsSpace) : ""
            return Item(name: name, value: value)
        }
    }

    /// The last value given for `name`.
    subscript(name: String) -> String? { items.last { $0.name == name }?.value }

    /// Every value given for `name`, in order.
    func all(_ name: String) -> [String] { items.filter { $0.name == name }.map(\.value) }

    /// Every value of `name`, with comma lists split: `a=x,y&a=z` gives `[x, y, z]`.
    func list(_ name: String) -> [String] {
        all(name).flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    func contains(_ name: String) -> Bool { items.contains { $0.name == name } }

    /// Percent-decoding; malformed escapes stay as written.
    static func decode(_ text: Substring, plusIsSpace: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+"), plusIsSpace {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                      let high = hexValue(iterator[iterator.startIndex]),
                      let low = hexValue(iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

import Foundation
