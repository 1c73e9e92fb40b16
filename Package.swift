// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// stockterm: a keyboard-driven terminal browser for stock photos and video.
/// Module plan: ../shared/design/ARCHITECTURE.md (dependencies point down only).
let package = Package(
    name: "stockterm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "stockterm", targets: ["stockterm"]),
        // Libraries for the benchmark package in Benchmarks/ (and future front ends).
        .library(name: "StockCore", targets: ["StockCore"]),
        .library(name: "StockCatalog", targets: ["StockCatalog"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // SHA-256 and HMAC for Stocksy's AWS Signature Version 4 (client and emulator).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // config.toml (toml++ underneath).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The domain: assets, money, products, search requests, the query language, StockProvider.
        .target(name: "StockCore"),
        // What the program ships: the demo catalog and the synonym table.
        .target(
            name: "StockAssets",
            path: "assets",
            exclude: ["README.md"],
            sources: ["StockAssets.swift"],
            resources: [.copy("catalog"), .copy("synonyms.tsv")]
        ),
        // The embedded catalog: SQLite FTS5 through GRDB, import, generator, executor, facets.
        .target(
            name: "StockCatalog",
            dependencies: [
                "StockCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw C API, for stepping through large FTS5 results without per-row overhead.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // One HTTP transport for every service: auth, client-side rate limit, retries, redacted logs.
        .target(
            name: "StockHTTP",
            dependencies: [
                "StockCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Local emulators of Stocksy, Adobe Stock and StockFlow over a LocalCatalog, for tests and demos.
        // Wire formats are written from the documents, never from StockProviders.
        .target(
            name: "StockSandbox",
            dependencies: [
                "StockCore",
                "StockCatalog",
                "StockImages",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The clients of the three services (Stocksy, Adobe Stock, StockFlow) over StockHTTP.
        .target(
            name: "StockProviders",
            dependencies: [
                "StockCore", "StockHTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // config.toml: providers, their endpoints and where their secrets come from; secrets read
        // from the environment or owner-only files.
        .target(
            name: "StockConfig",
            dependencies: ["StockCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The purchase ledger (SQLite through GRDB), the license coordinator every front end uses, and
        // licensing for the demo catalog's local demo account (docs/ledger.md).
        .target(
            name: "StockLedger",
            dependencies: ["StockCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // libjpeg-turbo and libpng from Debian, behind a small C shim that turns their longjmp errors
        // into return codes and caps bytes and pixels (docs/images.md).
        .target(
            name: "CImageCodecs",
            linkerSettings: [.linkedLibrary("jpeg"), .linkedLibrary("png16")]
        ),
        // Pictures: decoding (JPEG, PNG), scaling, the half-block renderer and its colour modes, the
        // on-disk thumbnail cache and the demo catalog's generated thumbnails (docs/images.md).
        .target(name: "StockImages", dependencies: ["StockCore", "CImageCodecs"]),
        // The browser's state and its pure reducer: actions in, state changes and effects out.
        .target(name: "BrowserModel", dependencies: ["StockCore"]),
        // Runs the reducer's effects in Swift concurrency: searches, asset loads, timers, cancellation.
        .target(name: "BrowserRuntime", dependencies: ["BrowserModel", "StockCore", "StockImages"]),
        // Everything that draws: the cell grid, views, key map, and the ncurses screen.
        .target(name: "TerminalUI", dependencies: ["BrowserModel", "StockCore", "StockImages", "CNCurses"]),
        // ncursesw as a system library; only TerminalUI may import it.
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The decoders' fuzz target: libFuzzer's entry with -DFUZZING (`make fuzz`), a corpus
        // replayer otherwise (docs/fuzzing.md).
        .executableTarget(name: "WireFuzz", dependencies: ["StockProviders", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "stockterm",
            dependencies: [
                "StockCore",
                "StockCatalog",
                "StockAssets",
                "BrowserModel",
                "BrowserRuntime",
                "TerminalUI",
                "StockSandbox",
                "StockConfig",
                "StockProviders",
                "StockHTTP",
                "StockLedger",
                "StockImages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "StockImagesTests",
            dependencies: ["StockImages", "StockCore", "StockAssets"],
            // JPEG and PNG files from Debian packages and variants made from them (Fixtures/README.md).
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "StockConfigTests", dependencies: ["StockConfig", "StockCore"]),
        .testTarget(name: "StockCoreTests", dependencies: ["StockCore", "StockAssets"]),
        .testTarget(name: "CNCursesTests", dependencies: ["CNCurses"]),
        .testTarget(name: "BrowserModelTests", dependencies: ["BrowserModel", "StockCore"]),
        .testTarget(name: "BrowserRuntimeTests", dependencies: ["BrowserRuntime", "BrowserModel", "StockCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "StockCore", "StockImages"]),
        .testTarget(
            name: "StockHTTPTests",
            dependencies: [
                "StockHTTP", "StockCore",
                // DemoFileServer: downloads against the emulators' generated files.
                "StockSandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "StockProvidersTests",
            dependencies: [
                "StockProviders", "StockHTTP", "StockCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "StockCatalogTests", dependencies: ["StockCatalog", "StockCore", "StockAssets"]),
        .testTarget(
            name: "StockSandboxTests",
            dependencies: [
                "StockSandbox", "StockCatalog", "StockCore", "StockAssets",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("SigV4Vectors")]
        ),
        // Each service client against its emulator over real loopback HTTP (docs/integration-tests.md).
        .testTarget(
            name: "ServiceIntegrationTests",
            dependencies: ["StockProviders", "StockSandbox", "StockHTTP", "StockCatalog", "StockCore", "StockAssets",
                           .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .testTarget(
            name: "StockLedgerTests",
            // GRDB so that tests can reach the file as a person with sqlite3 would (DELETE must abort).
            dependencies: ["StockLedger", "StockCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Runs the built `stockterm` binary as a user would.
        .testTarget(name: "StocktermCLITests", dependencies: ["StockCore", "stockterm"]),
    ],
    swiftLanguageModes: [.v6]
)

// Benchmarks (package-benchmark) only when asked for, so that `make test` never builds the
// benchmark harness: `STOCKTERM_BENCHMARKS=1 swift package benchmark` (see `make bench`).
if ProcessInfo.processInfo.environment["STOCKTERM_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "CatalogSearch",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "StockCatalog",
                "StockCore",
            ],
            path: "Benchmarks/CatalogSearch",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
    package.targets.append(
        .executableTarget(
            name: "BrowserFrames",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "BrowserModel", "TerminalUI", "StockCatalog", "StockCore", "StockAssets",
            ],
            path: "Benchmarks/BrowserFrames",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
    package.targets.append(
        .executableTarget(
            name: "Pictures",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                "StockImages", "StockCatalog", "StockCore", "StockAssets",
            ],
            path: "Benchmarks/Pictures",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}
