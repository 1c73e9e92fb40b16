import Foundation
@testable import StockConfig

/// A private folder standing in for a home, removed at the end of the test.
final class TempHome {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stockconfig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` at `relative` (folders made) with `mode`.
    @discardableResult
    func write(_ relative: String, _ text: String, mode: Int = 0o600) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        chmod(file.path, mode_t(mode))
        return file
    }

    /// An environment whose config.toml is `$HOME/.config/stockterm/config.toml`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ["HOME": path]
        for (k, v) in extra { env[k] = v }
        return env
    }

    var paths: ConfigPaths { ConfigPaths(environment: environment()) }

    /// Parses `text` as this home's config.toml.
    func parse(_ text: String) throws -> StocktermConfig {
        try StocktermConfig.parse(text, paths: paths)
    }
}

/// The message of the error `body` throws.
func configError(_ body: () throws -> Void) -> String? {
    do { try body() } catch { return "\(error)" }
    return nil
}
