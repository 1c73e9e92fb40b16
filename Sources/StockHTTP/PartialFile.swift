import Foundation
import StockCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file a download is written to until it is complete: `<final name>.<tag>.part` next to
/// where the file will be, so that the rename at the end stays on one file system and a later
/// run finds it by its tag (the file's id) to resume.
struct PartialFile: Sendable {
    let directory: URL
    /// The safe name the finished file gets (or "name (n).ext" if that exists by then).
    let finalName: String
    let tag: String

    var url: URL { directory.appendingPathComponent("\(finalName).\(tag).part", isDirectory: false) }

    /// Bytes in the part now; 0 when there is none.
    var size: Int64 {
        var info = stat()
        return lstat(url.path, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// Creates `directory` if needed; refuses a path that is not a directory.
    static func prepare(_ directory: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw StockError.storage("\(directory.path) is not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StockError.storage("cannot create \(directory.path): \(Self.reason(error))")
        }
    }

    /// The part of file `tag` an earlier attempt left in `directory` (the largest, if several).
    static func existing(tag: String, in directory: URL) -> PartialFile? {
        let suffix = ".\(tag).part"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let parts = names.filter { $0.hasSuffix(suffix) && $0.count > suffix.count }
            .map { PartialFile(directory: directory, finalName: String($0.dropLast(suffix.count)), tag: tag) }
            .filter { part in
                var info = stat()
                return lstat(part.url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            }
        return parts.max { $0.size < $1.size }
    }

    /// A stable, file-name-safe form of an id: itself when it is short ASCII letters, digits,
    /// `-` and `_`; otherwise a readable prefix and a hash.
    static func tag(for id: String) -> String {
        let plain = id.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
        let readable = String(String.UnicodeScalarView(plain.prefix(24)))
        if readable == id, !id.isEmpty, !id.hasPrefix("-") { return id }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in id.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        let hex = String(hash, radix: 16)
        let head = readable.drop { $0 == "-" }
        return (head.isEmpty ? "id" : String(head)) + "-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Opens the part for writing from `offset`, dropping anything after it, and locks it.
    func open(from offset: Int64) throws -> PartWriter {
        let fd = posixOpen(url.path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StockError.storage("cannot write \(url.lastPathComponent): \(Self.errnoText())") }
        // Two downloads of one file (two windows, the TUI and the CLI) would interleave their
        // bytes; the second one stops instead. The lock goes with the descriptor.
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            _ = posixClose(fd)
            throw StockError.storage("\(finalName) is already being downloaded by another stockterm")
        }
        guard ftruncate(fd, off_t(offset)) == 0, lseek(fd, off_t(offset), SEEK_SET) == off_t(offset) else {
            let text = Self.errnoText()
            _ = posixClose(fd)
            throw StockError.storage("cannot write \(url.lastPathComponent): \(text)")
        }
        return PartWriter(fd: fd, name: url.lastPathComponent)
    }

    /// Gives the complete part its final name without ever replacing a file: a hard link to the
    /// first free "name.ext", "name (1).ext", … (`link` fails rather than replace), then the
    /// part's own name is removed. On file systems without hard links, a rename to a name that
    /// was free a moment before.
    func finish() throws -> URL {
        for n in 0..<10_000 {
            let target = directory.appendingPathComponent(SafeFileName.numbered(finalName, n), isDirectory: false)
            if link(url.path, target.path) == 0 {
                unlink(url.path)
                syncDirectory()
                return target
            }
            let code = errno
            if code == EEXIST { continue }
            guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK, ENOSYS].contains(code) else {
                throw StockError.storage("cannot save \(target.lastPathComponent): \(String(cString: strerror(code)))")
            }
            var info = stat()
            if lstat(target.path, &info) == 0 { continue }
            guard rename(url.path, target.path) == 0 else {
                throw StockError.storage("cannot save \(target.lastPathComponent): \(Self.errnoText())")
            }
            syncDirectory()
            return target
        }
        throw StockError.storage("no free name for \(finalName) in \(directory.path)")
    }

    /// Makes the new directory entry durable (best effort: not every file system allows it).
    private func syncDirectory() {
        let fd = posixOpen(directory.path, O_RDONLY | O_CLOEXEC, 0)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = posixClose(fd)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}

/// Appends to an open part file. Not Sendable: one attempt owns it and closes it.
final class PartWriter {
    private var fd: Int32
    private let name: String

    fileprivate init(fd: Int32, name: String) { self.fd = fd; self.name = name }

    deinit { if fd >= 0 { _ = posixClose(fd) } }

    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = posixWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw StockError.storage("cannot write \(name): \(PartialFile.errnoText())")
            }
            left -= n
            p += n
        }
    }

    /// Flushes what was written to the disk.
    func sync() throws {
        guard fsync(fd) == 0 else { throw StockError.storage("cannot write \(name): \(PartialFile.errnoText())") }
    }

    func close() {
        if fd >= 0 { _ = posixClose(fd) }
        fd = -1
    }
}

// The C functions under names the methods above do not shadow.
private func posixOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func posixClose(_ fd: Int32) -> Int32 { close(fd) }
