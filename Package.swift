// swift-tools-version: 6.1
import PackageDescription

// One module per concern; dependencies point downwards only:
//   sozialsite (CLI) → Pipeline → Outputs → Content, Charts, Data → Markdown, Support → CCmarkGFM
let package = Package(
    name: "SozialSite",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sozialsite", targets: ["sozialsite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Debian: libcmark-gfm-dev + libcmark-gfm-extensions-dev (installed by `make`).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Diagnostics, escaping, slugs, German formatting: what every other module needs.
        .target(name: "Support"),
        // The only module that talks to cmark-gfm.
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "Support"]),
        // Content model, site configuration, loading and validation of content files.
        .target(name: "Content", dependencies: ["Support", "Markdown", .product(name: "Yams", package: "Yams")]),
        // Pure charts: data in, SVG out. Knows nothing of the site.
        .target(name: "Charts", dependencies: ["Support"]),
        // Areas and indicator datasets, and the importer for official statistics files.
        .target(name: "Data", dependencies: ["Support", .product(name: "Yams", package: "Yams")]),
        // Everything the build writes: pages (themes), feeds, newsletter, sitemap, redirects.
        .target(name: "Outputs", dependencies: [
            "Support", "Content", "Charts", "Data", "Markdown",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // The build as named stages: load → validate → render → write.
        .target(name: "Pipeline", dependencies: ["Support", "Content", "Data", "Outputs", "Markdown"]),
        // Thin command-line front end.
        .executableTarget(name: "sozialsite", dependencies: [
            "Pipeline", "Support", "Content", "Data",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CCmarkGFM"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", "Support"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Support"], resources: [.copy("Snapshots")]),
        .testTarget(name: "DataTests", dependencies: ["Data", "Support"], resources: [.copy("Fixtures")]),
        .testTarget(name: "OutputsTests", dependencies: ["Outputs", "Content", "Support", "Charts", "Data", "Markdown"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Content", "Support"]),
    ]
)
