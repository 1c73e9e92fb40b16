import Foundation
import StockCore
#if canImport(Glibc)
import Glibc
#endif

/// The catalog's per-asset values in column form, memory-mapped from `columns.bin` beside the
/// FTS index.
///
/// Rows are numbered 0..<count in the catalog's static quality order (most popular first, id as
/// tie-break); SQLite rowids are row + 1. Filtering and facet counting read these arrays directly,
/// so counting a million rows touches a few megabytes and materialises nothing. The file maps in
/// microseconds, which keeps a whole `stockterm search` process fast.
///
/// File layout: the magic `STKCOL01`, the row count, the section count, one offset per section,
/// then the sections, each aligned to 8 bytes, in `Section` order.
public final class ColumnStore: @unchecked Sendable {
    // @unchecked: the mapping is read-only and immutable after init; pointers are never written.

    enum Section: Int, CaseIterable {
        case id, lineOffset, created, popularity, sortedIDs
        case lineLength, width, height, duration, emerging, sortedRows
        case category, facetKey
        case kind, flags, miscKey

        var stride: Int {
            switch self {
            case .id, .lineOffset, .created, .popularity, .sortedIDs: 8
            case .lineLength, .width, .height, .duration, .emerging, .sortedRows: 4
            case .category, .facetKey: 2
            default: 1
            }
        }
    }

    static let magic = Array("STKCOL01".utf8)

    /// Flag bits in the `flags` column.
    enum Flag {
        static let mature: UInt8 = 1
        static let curated: UInt8 = 2
        static let ungraded: UInt8 = 4
    }

    public let count: Int
    private let base: UnsafeRawPointer
    private let length: Int

    let id: UnsafePointer<Int64>
    let lineOffset: UnsafePointer<UInt64>
    let created: UnsafePointer<Int64>
    let popularity: UnsafePointer<Int64>
    /// Asset ids in ascending order, for lookups by id; `sortedRows[i]` is the row of `sortedIDs[i]`.
    let sortedIDs: UnsafePointer<Int64>
    let lineLength: UnsafePointer<UInt32>
    let width: UnsafePointer<UInt32>
    let height: UnsafePointer<UInt32>
    let duration: UnsafePointer<Float>
    let emerging: UnsafePointer<Float>
    let sortedRows: UnsafePointer<UInt32>
    /// Index into the catalog's category list; `noCategory` when none.
    let category: UnsafePointer<UInt16>
    let kind: UnsafePointer<UInt8>
    let flags: UnsafePointer<UInt8>
    /// kind, orientation, premium, resolution and licenses packed in 13 bits (`FacetKey`), so
    /// that a scan decides a row's facet groups with one table lookup.
    let facetKey: UnsafePointer<UInt16>
    /// flags, camera and composition packed in 8 bits (`FacetKey.misc`).
    let miscKey: UnsafePointer<UInt8>

    static let noCategory: UInt16 = .max

    /// Maps `columns.bin`. Throws when the file is missing, truncated or of another version.
    public init(contentsOf url: URL) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw StockCatalogError.indexCorrupt("cannot open \(url.lastPathComponent)") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= 24 else { throw StockCatalogError.indexCorrupt("columns file too short") }
        length = Int(info.st_size)
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw StockCatalogError.indexCorrupt("cannot map columns file")
        }
        base = UnsafeRawPointer(mapped)
        let header = UnsafeRawBufferPointer(start: base, count: length)
        guard Array(header[0..<8]) == Self.magic else {
            munmap(mapped, length)
            throw StockCatalogError.indexCorrupt("columns file has another format")
        }
        count = Int(header.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let sections = Int(header.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        guard sections == Section.allCases.count, 24 + sections * 8 <= length else {
            munmap(mapped, length)
            throw StockCatalogError.indexCorrupt("columns file has another layout")
        }
        var offsets: [Int] = []
        for s in Section.allCases {
            let offset = Int(header.loadUnaligned(fromByteOffset: 24 + s.rawValue * 8, as: UInt64.self))
            guard offset % 8 == 0, offset + s.stride * count <= length else {
                munmap(mapped, length)
                throw StockCatalogError.indexCorrupt("columns file is truncated")
            }
            offsets.append(offset)
        }
        let start = UnsafeRawPointer(mapped)
        func at<T>(_ s: Section, _: T.Type) -> UnsafePointer<T> {
            (start + offsets[s.rawValue]).assumingMemoryBound(to: T.self)
        }
        id = at(.id, Int64.self); lineOffset = at(.lineOffset, UInt64.self)
        created = at(.created, Int64.self); popularity = at(.popularity, Int64.self)
        sortedIDs = at(.sortedIDs, Int64.self); lineLength = at(.lineLength, UInt32.self)
        width = at(.width, UInt32.self); height = at(.height, UInt32.self)
        duration = at(.duration, Float.self); emerging = at(.emerging, Float.self)
        sortedRows = at(.sortedRows, UInt32.self); category = at(.category, UInt16.self)
        kind = at(.kind, UInt8.self); flags = at(.flags, UInt8.self)
        facetKey = at(.facetKey, UInt16.self); miscKey = at(.miscKey, UInt8.self)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }

    /// The row holding asset `id`, by binary search over the sorted ids.
    func row(of id: AssetID) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedIDs[mid] < id.rawValue { lo = mid + 1 } else { hi = mid }
        }
        guard lo < count, sortedIDs[lo] == id.rawValue else { return nil }
        return Int(sortedRows[lo])
    }
}

/// The packing of the per-row codes into `facetKey` and `miscKey`.
enum FacetKey {
    static let count = 1 << 13

    static func pack(kind: UInt8, orientation: UInt8, premium: UInt8, resolution: UInt8, licenses: UInt8) -> UInt16 {
        UInt16(kind) | UInt16(orientation) << 3 | UInt16(premium) << 5 | UInt16(resolution) << 8 | UInt16(licenses & 7) << 10
    }

    @inline(__always) static func kind(_ key: Int) -> Int { key & 7 }
    @inline(__always) static func orientation(_ key: Int) -> Int { key >> 3 & 3 }
    @inline(__always) static func premium(_ key: Int) -> Int { key >> 5 & 7 }
    @inline(__always) static func resolution(_ key: Int) -> Int { key >> 8 & 3 }
    @inline(__always) static func licenses(_ key: Int) -> Int { key >> 10 & 7 }

    static func misc(flags: UInt8, camera: UInt8, composition: UInt8) -> UInt8 {
        (flags & 7) | (camera & 3) << 3 | (composition & 7) << 5
    }
    @inline(__always) static func flags(_ misc: Int) -> Int { misc & 7 }
    @inline(__always) static func camera(_ misc: Int) -> Int { misc >> 3 & 3 }
    @inline(__always) static func composition(_ misc: Int) -> Int { misc >> 5 & 7 }
}
