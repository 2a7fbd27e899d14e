// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Byline",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "byline", targets: ["byline"]),
        .library(name: "BylineKafka", targets: ["BylineKafka"]),
        .library(name: "BylineEnrichment", targets: ["BylineEnrichment"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
            resources: [.copy("Resources/gazetteer.tsv"), .copy("Resources/ner-model.bin")]
        ),
        .executableTarget(
            name: "byline",
            dependencies: [
                "BylineKafka",
                "BylineEnrichment",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BylineKafkaTests",
            dependencies: ["BylineKafka"]
        ),
        .testTarget(
            name: "BylineEnrichmentTests",
            dependencies: ["BylineEnrichment"],
            exclude: ["Fixtures"]
        ),
        // Runs the built `byline` executable: `swift build` before `swift test`.
        .testTarget(
            name: "BylineCommandTests",
            dependencies: ["BylineKafka"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
