import Foundation
import Logging
import StockProviders

// The decoders' fuzz target (docs/fuzzing.md). Built with `-Xswiftc -DFUZZING` and
// `--sanitize fuzzer`, it is libFuzzer's `LLVMFuzzerTestOneInput`, feeding each input to the
// service named by `WIREFUZZ_SERVICE` (stocksy, adobe or stockflow). Built normally, it is a
// corpus replayer: `WireFuzz <service> <file or directory>…` feeds every file it is given.

/// The service a fuzzing run feeds, from `WIREFUZZ_SERVICE`; all three when it is not set.
let fuzzedServices: [WireFuzzing.Service] = {
    guard let name = ProcessInfo.processInfo.environment["WIREFUZZ_SERVICE"] else { return WireFuzzing.Service.allCases }
    guard let service = WireFuzzing.Service(rawValue: name.lowercased()) else {
        FileHandle.standardError.write(Data("WIREFUZZ_SERVICE must be one of \(WireFuzzing.Service.allCases.map(\.rawValue)), not \(name)\n".utf8))
        exit(2)
    }
    return [service]
}()

/// The tolerant reader logs every record it leaves out; a fuzzing run would spend its time
/// writing those warnings to stderr, so they go nowhere.
func silenceLogs() {
    LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
}

#if FUZZING
/// libFuzzer's set-up, once before the first input: logs off, the service chosen.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    silenceLogs()
    _ = fuzzedServices
    return 0
}

/// libFuzzer's entry: one input, fed to the chosen service's answer types.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    for service in fuzzedServices { WireFuzzing.feed(service, data) }
    return 0
}
#else
/// Replays files through the decoders without libFuzzer: every file named, and every regular
/// file below each directory named, is fed to the service given first (`all` for the three).
@main
enum WireFuzzReplay {
    static func main() {
        silenceLogs()
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let first = arguments.first, !arguments.dropFirst().isEmpty else {
            print("usage: WireFuzz <stocksy|adobe|stockflow|all> <file or directory>…")
            exit(2)
        }
        let services: [WireFuzzing.Service]
        if first == "all" {
            services = WireFuzzing.Service.allCases
        } else if let one = WireFuzzing.Service(rawValue: first) {
            services = [one]
        } else {
            print("unknown service \(first): stocksy, adobe, stockflow or all")
            exit(2)
        }
        var fed = 0
        for path in arguments.dropFirst() {
            for file in files(at: URL(fileURLWithPath: path)) {
                guard let data = try? Data(contentsOf: file) else { continue }
                for service in services { WireFuzzing.feed(service, data) }
                fed += 1
            }
        }
        print("fed \(fed) file\(fed == 1 ? "" : "s") to \(services.map(\.rawValue).joined(separator: ", "))")
    }

    /// `url` itself when it is a file, else every regular file below it, sorted.
    static func files(at url: URL) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [url] }
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        var out: [URL] = []
        while let next = walker?.nextObject() as? URL {
            if (try? next.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { out.append(next) }
        }
        return out.sorted { $0.path < $1.path }
    }
}
#endif
