// swift-tools-version: 6.1
import PackageDescription

/// Speed and memory benchmarks (package-benchmark). Kept apart from the main package so that
/// `make test` does not build the benchmark harness. Run through `make bench` from the top.
let package = Package(
    name: "stockterm-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CatalogSearch",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "StockCatalog", package: "stockterm"),
                .product(name: "StockCore", package: "stockterm"),
            ],
            path: "Benchmarks/CatalogSearch",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
