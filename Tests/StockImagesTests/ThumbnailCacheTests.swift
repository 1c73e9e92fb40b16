import Foundation
import StockCore
import Testing
@testable import StockImages

@Suite struct ThumbnailCacheTests {
    /// A fresh directory under the temporary directory, removed afterwards.
    static func withDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("stockterm-thumbs-\(UUID().uuidString)", isDirectory: true)
            .appendingPathComponent("thumbnails", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try body(directory)
    }

    static func payload(_ seed: Int, count: Int = 1000) -> [UInt8] {
        (0 ..< count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ seed) }
    }

    /// What one entry of `count` payload bytes under `key` takes on disk.
    static func size(_ key: String, _ count: Int = 1000) -> Int {
        ThumbnailFile.encode(key: key, payload: payload(0, count: count)).count
    }

    static func entryPath(_ directory: URL, _ key: String) -> String {
        directory.appendingPathComponent(ThumbnailCache.fileName(for: key)).path
    }

    static func setModified(_ directory: URL, _ key: String, secondsAgo: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-secondsAgo)],
                                              ofItemAtPath: entryPath(directory, key))
    }

    @Test func aStoredEntryIsAHitAndOthersAreMisses() throws {
        try Self.withDirectory { directory in
            let cache = try ThumbnailCache(directory: directory)
            #expect(cache.data(for: "https://example.com/a.jpg") == nil)
            try cache.store(Self.payload(1), for: "https://example.com/a.jpg")
            #expect(cache.data(for: "https://example.com/a.jpg") == Self.payload(1))
            #expect(cache.data(for: "https://example.com/b.jpg") == nil)
            #expect(cache.totalBytes == Self.size("https://example.com/a.jpg"))
            #expect(cache.count == 1)
            // A second cache on the same directory (another stockterm) sees it.
            let other = try ThumbnailCache(directory: directory)
            #expect(other.totalBytes == cache.totalBytes)
            #expect(other.data(for: "https://example.com/a.jpg") == Self.payload(1))
        }
    }

    @Test func storingAgainReplaces() throws {
        try Self.withDirectory { directory in
            let cache = try ThumbnailCache(directory: directory)
            try cache.store(Self.payload(1, count: 500), for: "k")
            try cache.store(Self.payload(2, count: 800), for: "k")
            #expect(cache.data(for: "k") == Self.payload(2, count: 800))
            #expect(cache.totalBytes == Self.size("k", 800) && cache.count == 1)
        }
    }

    @Test func theCapEvictsTheLeastRecentlyUsedFirstAndReadingRefreshes() throws {
        try Self.withDirectory { directory in
            let cache = try ThumbnailCache(directory: directory, capacityBytes: 3 * Self.size("a") + 10)
            for key in ["a", "b", "c"] { try cache.store(Self.payload(key.count), for: key) }
            #expect(cache.count == 3)
            #expect(cache.data(for: "a") != nil)       // a is now more recent than b and c
            try cache.store(Self.payload(9), for: "d")  // over the cap: b goes
            #expect(cache.data(for: "b") == nil)
            #expect(!FileManager.default.fileExists(atPath: Self.entryPath(directory, "b")))
            #expect(cache.data(for: "a") != nil && cache.data(for: "c") != nil && cache.data(for: "d") != nil)
            // The reads above made a, c, d recent in that order: a is now the least recent.
            try cache.store(Self.payload(9), for: "e")
            #expect(cache.count == 3 && cache.totalBytes <= cache.capacityBytes)
            #expect(cache.data(for: "a") == nil)
            #expect(cache.data(for: "c") != nil && cache.data(for: "d") != nil && cache.data(for: "e") != nil)
        }
    }

    @Test func aBiggerEntryEvictsAsManyAsItNeeds() throws {
        try Self.withDirectory { directory in
            let cache = try ThumbnailCache(directory: directory, capacityBytes: 4 * Self.size("a") + 10)
            for key in ["a", "b", "c", "d"] { try cache.store(Self.payload(1), for: key) }
            try cache.store(Self.payload(2, count: 2500), for: "big")
            #expect(cache.data(for: "a") == nil && cache.data(for: "b") == nil && cache.data(for: "c") == nil)
            #expect(cache.data(for: "d") != nil && cache.data(for: "big") != nil)
            #expect(cache.totalBytes == Self.size("d") + Self.size("big", 2500))
        }
    }

    @Test func anEntryLargerThanTheWholeCapacityIsNotKept() throws {
        try Self.withDirectory { directory in
            let cache = try ThumbnailCache(directory: directory, capacityBytes: 2000)
            try cache.store(Self.payload(1), for: "small")
            #expect(try cache.store(Self.payload(2, count: 5000), for: "huge") == false)
            #expect(cache.data(for: "huge") == nil)
            #expect(cache.data(for: "small") == Self.payload(1))
        }
    }

    @Test func openingACacheOverItsCapEvictsTheLeastRecentlyModifiedFiles() throws {
        try Self.withDirectory { directory in
            let writer = try ThumbnailCache(directory: directory)
            for key in ["old", "middle", "new"] { try writer.store(Self.payload(3), for: key) }
            try Self.setModified(directory, "old", secondsAgo: 300)
            try Self.setModified(directory, "middle", secondsAgo: 200)
            try Self.setModified(directory, "new", secondsAgo: 100)
            let reader = try ThumbnailCache(directory: directory, capacityBytes: 2 * Self.size("new") + 20)
            #expect(reader.count == 2)
            #expect(reader.data(for: "old") == nil)
            #expect(reader.data(for: "middle") != nil && reader.data(for: "new") != nil)
        }
    }

    @Test func readingTouchesTheFileSoThatTheNextProcessKnowsItIsRecent() throws {
        try Self.withDirectory { directory in
            let cache = try ThumbnailCache(directory: directory)
            try cache.store(Self.payload(1), for: "k")
            try Self.setModified(directory, "k", secondsAgo: 3600)
            _ = cache.data(for: "k")
            let attributes = try FileManager.default.attributesOfItem(atPath: Self.entryPath(directory, "k"))
            let modified = try #require(attributes[.modificationDate] as? Date)
            #expect(modified.timeIntervalSinceNow > -60)
        }
    }

    @Test func aFileRemovedBehindItsBackIsAMiss() throws {
        try Self.withDirectory { directory in
            let cache = try ThumbnailCache(directory: directory)
            try cache.store(Self.payload(1), for: "k")
            try FileManager.default.removeItem(atPath: Self.entryPath(directory, "k"))
            #expect(cache.data(for: "k") == nil)
            #expect(cache.totalBytes == 0 && cache.count == 0)
            try cache.store(Self.payload(2), for: "k")
            #expect(cache.data(for: "k") == Self.payload(2))
            // Even the whole directory.
            try FileManager.default.removeItem(at: directory)
            #expect(cache.data(for: "k") == nil)
            try cache.store(Self.payload(3), for: "k")
            #expect(cache.data(for: "k") == Self.payload(3))
        }
    }

    @Test func aDamagedFileIsAMissAndIsRemoved() throws {
        try Self.withDirectory { directory in
            let cache = try ThumbnailCache(directory: directory)
            try cache.store(Self.payload(1), for: "k")
            let path = Self.entryPath(directory, "k")
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            bytes.removeLast(10)   // as if cut short
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(cache.data(for: "k") == nil)
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(cache.totalBytes == 0)
            try Data("garbage".utf8).write(to: URL(fileURLWithPath: path))
            #expect(cache.data(for: "k") == nil)
        }
    }

    @Test func anEntryForAnotherKeyWithTheSameHashIsAMissNotItsBytes() throws {
        try Self.withDirectory { directory in
            let cache = try ThumbnailCache(directory: directory)
            // What a hash collision would leave: the file for "k" holds "other"'s entry.
            let file = ThumbnailFile.encode(key: "other", payload: Self.payload(5))
            try Data(file).write(to: URL(fileURLWithPath: Self.entryPath(directory, "k")))
            #expect(cache.data(for: "k") == nil)
            #expect(FileManager.default.fileExists(atPath: Self.entryPath(directory, "k")))
        }
    }

    @Test func concurrentStoresAndReadsKeepTheTallyRightAndLeaveNoHalfFiles() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("stockterm-thumbs-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let capacity = 20 * Self.size("key-00") + 50
        let cache = try ThumbnailCache(directory: directory, capacityBytes: capacity)
        let wrong = await withTaskGroup(of: Int.self) { group in
            for task in 0 ..< 16 {
                group.addTask {
                    var wrong = 0
                    for i in 0 ..< 20 {
                        let key = "key-\(String(format: "%02d", (task * 7 + i) % 40))"
                        let bytes = Self.payload(Int(key.suffix(2))!)
                        do { try cache.store(bytes, for: key) } catch { wrong += 1 }
                        if let read = cache.data(for: key), read != bytes { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.allSatisfy { $0.hasSuffix(".thumb") }, "left behind: \(names)")
        let onDisk = try names.reduce(0) { sum, name in
            sum + ((try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.size]
                    as? NSNumber)?.intValue ?? 0)
        }
        #expect(cache.totalBytes == onDisk)
        #expect(onDisk <= capacity && names.count == cache.count)
    }

    @Test func theDirectoryIsTheOwnersOnlyAndSoAreTheFiles() throws {
        try Self.withDirectory { directory in
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
            let cache = try ThumbnailCache(directory: directory)
            let mode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o700)
            try cache.store(Self.payload(1), for: "k")
            let fileMode = try FileManager.default.attributesOfItem(atPath: Self.entryPath(directory, "k"))[.posixPermissions]
                as? NSNumber
            #expect(fileMode?.intValue == 0o600)
        }
    }

    @Test func staleTemporaryFilesAreRemovedAndFreshOnesKept() throws {
        try Self.withDirectory { directory in
            _ = try ThumbnailCache(directory: directory)
            let stale = directory.appendingPathComponent(".tmp-stale").path
            let fresh = directory.appendingPathComponent(".tmp-fresh").path
            #expect(FileManager.default.createFile(atPath: stale, contents: Data([1, 2, 3])))
            #expect(FileManager.default.createFile(atPath: fresh, contents: Data([1, 2, 3])))
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: stale)
            let cache = try ThumbnailCache(directory: directory)
            #expect(!FileManager.default.fileExists(atPath: stale))
            #expect(FileManager.default.fileExists(atPath: fresh))
            #expect(cache.totalBytes == 0)
        }
    }

    @Test func aDirectoryThatCannotBeMadeIsAStorageError() throws {
        try Self.withDirectory { directory in
            try FileManager.default.createDirectory(at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: directory.path, contents: Data("a file".utf8)))
            #expect {
                _ = try ThumbnailCache(directory: directory)
            } throws: { error in
                guard case StockError.storage(let why) = error else { return false }
                return why.hasPrefix("cannot create the thumbnail cache \(directory.path)")
            }
        }
    }

    @Test func fileNamesAreStableHashesOfTheKey() {
        // FNV-1a 64 test vectors: "" and "a".
        #expect(ThumbnailCache.fileName(for: "") == "cbf29ce484222325.thumb")
        #expect(ThumbnailCache.fileName(for: "a") == "af63dc4c8601ec8c.thumb")
        #expect(ThumbnailCache.fileName(for: "https://example.com/1.jpg")
                != ThumbnailCache.fileName(for: "https://example.com/2.jpg"))
    }

    @Test func theDefaultDirectoryFollowsXDG() {
        #expect(ThumbnailCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]).path
                == "/x/cache/stockterm/thumbnails")
        #expect(ThumbnailCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"]).path
                == "/home/u/.cache/stockterm/thumbnails")
        #expect(ThumbnailCache.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/stockterm/thumbnails")
    }
}
