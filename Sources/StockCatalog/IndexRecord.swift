import StockCore

/// What the index keeps of one asset: its column values, the text FTS5 indexes, and where its line
/// is in the source file (the full asset is read back from there when shown).
struct IndexRecord: Sendable {
    var id: Int64
    var lineOffset: UInt64
    var lineLength: UInt32
    /// 1-based line number in the source, for messages.
    var line: Int
    var kind: UInt8
    var orientation: UInt8
    var resolution: UInt8
    var premium: UInt8
    var licenses: UInt8
    var flags: UInt8
    var camera: UInt8
    var composition: UInt8
    var categorySlug: String?
    var width: UInt32
    var height: UInt32
    var duration: Float
    var created: Int64
    var popularity: Int64
    var title: String
    var keywords: String
    var description: String
    /// Keywords normalised to one token each (see `TagNormalizer`), for exact tag filters.
    var tags: String

    init(asset: Asset, line: Int, lineOffset: UInt64, lineLength: UInt32) {
        id = asset.id.rawValue
        self.line = line
        self.lineOffset = lineOffset
        self.lineLength = lineLength
        kind = UInt8(asset.kind.ordinal)
        orientation = UInt8(asset.orientation.ordinal)
        resolution = asset.videoResolution.map { UInt8($0.rank + 1) } ?? 0
        premium = UInt8(asset.premiumLevel.rawValue)
        var bits: UInt8 = 0
        for type in asset.licenseTypes { bits |= 1 << UInt8(type.ordinal) }
        licenses = bits
        var f: UInt8 = 0
        if asset.mature { f |= ColumnStore.Flag.mature }
        if asset.curated { f |= ColumnStore.Flag.curated }
        if asset.ungraded { f |= ColumnStore.Flag.ungraded }
        flags = f
        camera = asset.camera.map { UInt8($0.ordinal + 1) } ?? 0
        composition = asset.composition.map { UInt8($0.ordinal + 1) } ?? 0
        categorySlug = asset.category.map { $0.lowercased() }
        width = UInt32(clamping: asset.width)
        height = UInt32(clamping: asset.height)
        duration = Float(asset.duration ?? 0)
        created = Int64(asset.created.timeIntervalSince1970)
        popularity = Int64(asset.popularity)
        title = asset.title
        keywords = asset.keywords.joined(separator: " ; ")
        description = asset.description
        tags = asset.keywords.map(TagNormalizer.token).filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// Tags match whole keywords, case-insensitively, ignoring spaces and punctuation:
/// `tag:slow-motion` finds the keyword "Slow motion". Each keyword is indexed as one token.
enum TagNormalizer {
    static func token(_ keyword: String) -> String {
        // Most keywords are ASCII: fold those bytes directly and keep Unicode for the rest.
        if keyword.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(keyword.utf8.count)
            for b in keyword.utf8 {
                if b >= 0x41 && b <= 0x5A { bytes.append(b + 32) }
                else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { bytes.append(b) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(String.UnicodeScalarView(keyword.lowercased().unicodeScalars.filter { scalar in
            // Cyrillic letters (Russian and Kazakh) without a property lookup; the rest by Unicode.
            if (0x0430...0x045F).contains(scalar.value) || (0x0490...0x04FF).contains(scalar.value) { return true }
            if scalar.value < 0x80 {
                return (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }))
    }
}
