import Foundation

/// Runs the built `stockterm` binary with a private cache folder and captures what it prints.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("stockterm-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// The `stockterm` executable beside the test bundle in the build folder.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        if dir.pathExtension == "xctest" { dir.deleteLastPathComponent() }
        let candidate = dir.appendingPathComponent("stockterm")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        // Swift Testing's runner may live one level down.
        return dir.deletingLastPathComponent().appendingPathComponent("stockterm")
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = home.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Variables that would point the binary at the developer's own configuration or accounts;
    /// removed unless a test sets them.
    static let privateVariables = ["STOCKTERM_CONFIG", "STOCKFLOW_API_KEY", "ADOBE_STOCK_API_KEY", "ADOBE_STOCK_ACCESS_TOKEN",
                                   "STOCKSY_API_KEY", "STOCKSY_PASSWORD"]

    /// Runs `work` (blocking calls of `run`, say) on a thread of its own and awaits it, so that the
    /// concurrency pool (two threads on a 2-core machine) stays free for the tests that poll a
    /// screen or serve HTTP in process meanwhile.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Swift.Result { try work() }) }.start()
        }
    }

    /// Runs the binary; `environment` is added to (or overrides) the private folders and this process's.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = home.appendingPathComponent("cache").path
        env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        env["COLUMNS"] = "100"
        env["LANG"] = "C.UTF-8"
        for name in Self.privateVariables { env[name] = nil }
        for (name, value) in environment { env[name] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot fill a pipe and stall.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    func remove() { try? FileManager.default.removeItem(at: home) }
}
