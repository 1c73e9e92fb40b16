import Foundation
import StockCore
import Synchronization

/// Fetched thumbnail bytes on disk, keyed by a string (the thumbnail's URL), within a byte cap,
/// least recently used out first (docs/images.md).
///
/// Each entry is one file named after a 64-bit FNV-1a hash of the key, holding the key itself (so
/// that two keys with one hash never return each other's bytes) and the bytes. Files are written
/// to a temporary name and renamed into place, so a reader — in this process or another stockterm
/// sharing the directory — sees a whole file or none. A file that vanished, is unreadable or is
/// damaged is a miss, never an error. Reading an entry makes it the most recent (and touches the
/// file's modification time, which is what the next process to open the cache orders by).
///
/// The size of the directory is counted once, when the cache is opened; after that a tally in
/// memory follows this process's stores and evictions, so that a store never lists the directory.
/// Files another process adds meanwhile are counted when they are read here or when the cache is
/// next opened. Safe to use from any number of threads at once.
///
/// ```swift
/// let cache = try ThumbnailCache(directory: ThumbnailCache.defaultDirectory())
/// if let bytes = cache.data(for: url.absoluteString) { … } else {
///     let bytes = try await fetch(url)
///     try cache.store(bytes, for: url.absoluteString)
/// }
/// ```
public final class ThumbnailCache: Sendable {
    /// Where the entries are kept (mode 0700).
    public let directory: URL
    /// The most bytes the entries may take together, each counted with its small header.
    public let capacityBytes: Int

    private let state = Mutex(State())

    private struct Entry: Sendable {
        var size: Int
        /// Larger is more recent.
        var recency: UInt64
    }

    private struct State: Sendable {
        var entries: [String: Entry] = [:]
        var totalBytes = 0
        var clock: UInt64 = 0

        mutating func tick() -> UInt64 {
            clock += 1
            return clock
        }
    }

    /// The default capacity: 64 MB (64 000 000 bytes).
    public static let defaultCapacityBytes = 64_000_000

    /// Opens (creating it, mode 0700, if need be) the cache in `directory`, counts what is there,
    /// and evicts the least recently modified entries if they exceed `capacityBytes`.
    /// Temporary files older than ten minutes (left by a process that died mid-write) are removed.
    public init(directory: URL, capacityBytes: Int = ThumbnailCache.defaultCapacityBytes) throws(StockError) {
        self.directory = directory
        self.capacityBytes = max(0, capacityBytes)
        try Self.prepare(directory)
        let found = Self.scan(directory)
        state.withLock { state in
            for (name, size, _) in found.sorted(by: { $0.2 < $1.2 }) {
                state.entries[name] = Entry(size: size, recency: state.tick())
                state.totalBytes += size
            }
            evict(&state)
        }
    }

    /// `$XDG_CACHE_HOME/stockterm/thumbnails`, else `~/.cache/stockterm/thumbnails` (an
    /// `XDG_CACHE_HOME` that is not absolute is ignored, as the XDG specification says).
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache", isDirectory: true)
        }
        return base.appendingPathComponent("stockterm", isDirectory: true)
            .appendingPathComponent("thumbnails", isDirectory: true)
    }

    /// The bytes stored for `key`, or nil (never stored, evicted, removed, unreadable, damaged).
    /// A hit makes the entry the most recently used.
    public func data(for key: String) -> [UInt8]? {
        let name = Self.fileName(for: key)
        let path = directory.appendingPathComponent(name).path
        guard let file = FileManager.default.contents(atPath: path) else {
            forgetIfGone(name, path: path)
            return nil
        }
        switch ThumbnailFile.payload(of: file, key: key) {
        case .payload(let bytes):
            _ = utimes(path, nil)
            state.withLock { state in
                let recency = state.tick()
                let known = state.entries[name]?.size ?? 0
                state.totalBytes += file.count - known
                state.entries[name] = Entry(size: file.count, recency: recency)
            }
            return bytes
        case .otherKey:
            return nil
        case .damaged:
            state.withLock { state in
                _ = unlink(path)
                if let entry = state.entries.removeValue(forKey: name) { state.totalBytes -= entry.size }
            }
            return nil
        }
    }

    /// Keeps `bytes` under `key` (replacing what was there), then evicts least recently used
    /// entries until the total is within the capacity. Returns false, storing nothing, when this
    /// one entry alone would exceed the capacity. Throws when the directory cannot be written.
    @discardableResult
    public func store(_ bytes: [UInt8], for key: String) throws(StockError) -> Bool {
        let file = ThumbnailFile.encode(key: key, payload: bytes)
        guard file.count <= capacityBytes else { return false }
        let name = Self.fileName(for: key)
        let path = directory.appendingPathComponent(name).path
        let temporary = directory.appendingPathComponent(Self.temporaryPrefix + UUID().uuidString).path
        do throws(POSIXFailure) {
            try Self.writeFile(file, to: temporary)
        } catch where error.code == ENOENT {
            // The directory was removed behind our back: make it again, once.
            try Self.prepare(directory)
            do throws(POSIXFailure) { try Self.writeFile(file, to: temporary) } catch { throw failure(error, path: temporary) }
        } catch {
            throw failure(error, path: temporary)
        }
        let renamed: Int32 = state.withLock { state in
            guard rename(temporary, path) == 0 else { return errno }
            let known = state.entries[name]?.size ?? 0
            state.totalBytes += file.count - known
            state.entries[name] = Entry(size: file.count, recency: state.tick())
            evict(&state)
            return 0
        }
        if renamed != 0 {
            _ = unlink(temporary)
            throw failure(POSIXFailure(code: renamed), path: path)
        }
        return true
    }

    /// The bytes the entries take, as this process counts them (see the type's notes).
    public var totalBytes: Int { state.withLock { $0.totalBytes } }

    /// How many entries this process counts.
    public var count: Int { state.withLock { $0.entries.count } }

    // MARK: - Files

    static let entrySuffix = ".thumb"
    static let temporaryPrefix = ".tmp-"

    /// The file name for `key`: its FNV-1a 64 hash in 16 hex digits, then `.thumb`.
    static func fileName(for key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits + entrySuffix
    }

    private static func isEntryName(_ name: String) -> Bool {
        name.hasSuffix(entrySuffix) && name.count == 16 + entrySuffix.count
            && name.prefix(16).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// Removes least recently used entries until the tally is within the capacity.
    private func evict(_ state: inout State) {
        guard state.totalBytes > capacityBytes else { return }
        let oldestFirst = state.entries.sorted { $0.value.recency < $1.value.recency }
        for (name, entry) in oldestFirst {
            if state.totalBytes <= capacityBytes { break }
            _ = unlink(directory.appendingPathComponent(name).path)
            state.entries[name] = nil
            state.totalBytes -= entry.size
        }
    }

    /// Drops `name` from the tally if its file is really gone (not merely replaced a moment ago).
    private func forgetIfGone(_ name: String, path: String) {
        state.withLock { state in
            guard let entry = state.entries[name], !FileManager.default.fileExists(atPath: path) else { return }
            state.entries[name] = nil
            state.totalBytes -= entry.size
        }
    }

    private static func prepare(_ directory: URL) throws(StockError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw StockError.storage("cannot create the thumbnail cache \(directory.path): \(error.localizedDescription)")
        }
        guard chmod(directory.path, 0o700) == 0 else {
            throw StockError.storage("cannot restrict the thumbnail cache \(directory.path) to its owner: "
                                     + String(cString: strerror(errno)))
        }
    }

    /// The entries in `directory` (name, size, modification time); stale temporary files removed.
    private static func scan(_ directory: URL) -> [(String, Int, Date)] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return [] }
        var found: [(String, Int, Date)] = []
        let staleBefore = Date().addingTimeInterval(-600)
        for name in names {
            let path = directory.appendingPathComponent(name).path
            guard let attributes = try? fm.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let modified = attributes[.modificationDate] as? Date ?? .distantPast
            if isEntryName(name) {
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                found.append((name, size, modified))
            } else if name.hasPrefix(temporaryPrefix), modified < staleBefore {
                _ = unlink(path)
            }
        }
        return found
    }

    private static func writeFile(_ bytes: [UInt8], to path: String) throws(POSIXFailure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXFailure(code: errno) }
        var written = 0
        let failed: Int32? = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        let closed = close(fd)
        if let failed {
            _ = unlink(path)
            throw POSIXFailure(code: failed)
        }
        if closed != 0 {
            let code = errno
            _ = unlink(path)
            throw POSIXFailure(code: code)
        }
    }

    private func failure(_ error: POSIXFailure, path: String) -> StockError {
        .storage("cannot write the thumbnail cache file \(path): " + String(cString: strerror(error.code)))
    }
}

/// An errno from a system call.
struct POSIXFailure: Error {
    let code: Int32
}
