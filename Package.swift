// swift-tools-version: 6.0
import PackageDescription

// Linux only: librdkafka through pkg-config, Glibc, and Debian's packages.
let package = Package(
    name: "Byline",
    products: [
        .executable(name: "byline", targets: ["byline"]),
        // The fuzz target (scripts/fuzz.sh); a plain build replays inputs through it.
        .executable(name: "byline-fuzz", targets: ["BylineFuzz"]),
        .library(name: "BylineKafka", targets: ["BylineKafka"]),
        .library(name: "BylineEnrichment", targets: ["BylineEnrichment"]),
        .library(name: "BylineTraining", targets: ["BylineTraining"]),
        .library(name: "BylineWorker", targets: ["BylineWorker"]),
        // For development and tests, never in a worker: the embedded cluster, a whole
        // pipeline on it, and a reader of topics.
        .library(name: "BylineDevKit", targets: ["BylineDevKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The only place that includes librdkafka's headers; found through pkg-config.
        .systemLibrary(
            name: "CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        .target(
            name: "BylineKafka",
            dependencies: ["CRdKafka"]
        ),
        // Knows nothing of Kafka: usable and testable alone.
        .target(
            name: "BylineEnrichment",
            resources: [
                .copy("Resources/gazetteer.tsv"), .copy("Resources/word-clusters.tsv"), .copy("Resources/ner-model.bin"), .copy("Resources/quote-confidence.tsv"),
            ]
        ),
        .executableTarget(
            name: "BylineFuzz",
            dependencies: ["BylineEnrichment"]
        ),
        // Trains and scores the entity tagger: a development tool, not part of a worker.
        .target(
            name: "BylineTraining",
            dependencies: ["BylineEnrichment"]
        ),
        // Joins the two: in-flight window, offset tracking, dead letters, metrics, health.
        // Logs and counts through swift-log and swift-metrics; the executable picks the backends.
        .target(
            name: "BylineWorker",
            dependencies: [
                "BylineKafka",
                "BylineEnrichment",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Development tools: librdkafka's mock cluster, the demo's pipeline, topic collectors.
        .target(
            name: "BylineDevKit",
            dependencies: [
                "CRdKafka",
                "BylineKafka",
                "BylineWorker",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "byline",
            dependencies: [
                "BylineDevKit",
                "BylineKafka",
                "BylineEnrichment",
                "BylineWorker",
                "BylineTraining",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Helpers shared by the test targets.
        .target(
            name: "BylineTestSupport",
            dependencies: ["BylineWorker", "BylineDevKit"],
            path: "Tests/BylineTestSupport"
        ),
        .testTarget(
            name: "BylineKafkaTests",
            dependencies: ["BylineKafka", "BylineDevKit", "BylineTestSupport"]
        ),
        .testTarget(
            name: "BylineEnrichmentTests",
            dependencies: ["BylineEnrichment", "BylineTraining", "BylineTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BylineWorkerTests",
            dependencies: [
                "BylineWorker",
                "BylineKafka",
                "BylineDevKit",
                "BylineEnrichment",
                "BylineTestSupport",
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
        // Runs the built `byline` executable: `swift build` before `swift test`.
        .testTarget(
            name: "BylineCommandTests",
            dependencies: ["BylineKafka", "BylineEnrichment", "BylineWorker", "BylineDevKit", "BylineTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
