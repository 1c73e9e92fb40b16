/// The layout of one ``ThumbnailCache`` entry file: `STKTHMB1`, the key's length (4 bytes,
/// little-endian), the payload's length (8 bytes, little-endian), the key in UTF-8, the payload.
/// The lengths let a reader tell a damaged or foreign file from an entry.
enum ThumbnailFile {
    static let magic = Array("STKTHMB1".utf8)
    static let headerSize = 8 + 4 + 8

    /// What a file holds for the key it was read for.
    enum Content: Equatable {
        /// The entry's bytes.
        case payload([UInt8])
        /// A whole entry for another key with the same hash.
        case otherKey
        /// Not an entry: a wrong magic or lengths that do not add up.
        case damaged
    }

    /// The file for `payload` under `key`.
    static func encode(key: String, payload: [UInt8]) -> [UInt8] {
        let keyBytes = Array(key.utf8)
        var file = magic
        file.reserveCapacity(headerSize + keyBytes.count + payload.count)
        append(UInt64(keyBytes.count), bytes: 4, to: &file)
        append(UInt64(payload.count), bytes: 8, to: &file)
        file += keyBytes
        file += payload
        return file
    }

    /// What `file` holds for `key`.
    static func payload(of file: some Collection<UInt8>, key: String) -> Content {
        let file = Array(file)
        guard file.count >= headerSize, Array(file[0 ..< 8]) == magic else { return .damaged }
        let keyLength = read(file, at: 8, bytes: 4)
        let payloadLength = read(file, at: 12, bytes: 8)
        guard keyLength <= UInt64(file.count), payloadLength <= UInt64(file.count),
              UInt64(headerSize) + keyLength + payloadLength == UInt64(file.count) else { return .damaged }
        let keyEnd = headerSize + Int(keyLength)
        guard file[headerSize ..< keyEnd].elementsEqual(key.utf8) else { return .otherKey }
        return .payload(Array(file[keyEnd...]))
    }

    private static func append(_ value: UInt64, bytes: Int, to file: inout [UInt8]) {
        for i in 0 ..< bytes { file.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    private static func read(_ file: [UInt8], at offset: Int, bytes: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0 ..< bytes { value |= UInt64(file[offset + i]) << (8 * UInt64(i)) }
        return value
    }
}
