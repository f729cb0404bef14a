// swift-tools-version: 6.1
import PackageDescription

// One module per concern; dependencies point downwards only:
//   sozialsite (CLI) → DevServer → Pipeline → Outputs → Content, Charts, Data → Markdown, Support → CCmarkGFM, CCmarkThreadFix
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
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Debian: libcmark-gfm-dev + libcmark-gfm-extensions-dev (installed by `make`).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Lets cmark-gfm parse on several threads at once (see threadfix.c).
        .target(name: "CCmarkThreadFix", linkerSettings: [.linkedLibrary("dl")]),
        // Diagnostics, escaping, slugs, German formatting: what every other module needs.
        .target(name: "Support"),
        // The only module that talks to cmark-gfm.
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "CCmarkThreadFix", "Support"]),
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
        // Local preview: serves the output on 127.0.0.1, watches the site, rebuilds, reloads the browser.
        .target(name: "DevServer", dependencies: ["Pipeline", "Support", .product(name: "FlyingFox", package: "FlyingFox")]),
        // Thin command-line front end.
        .executableTarget(name: "sozialsite", dependencies: [
            "Pipeline", "DevServer", "Support", "Content", "Data",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Throwaway folders for tests, removed when the test process ends.
        .target(name: "TestFolders", path: "Tests/TestFolders"),
        .testTarget(name: "SupportTests", dependencies: ["Support", "TestFolders"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CCmarkGFM"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", "Support", "TestFolders"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "Support"], resources: [.copy("Snapshots")]),
        .testTarget(name: "DataTests", dependencies: ["Data", "Support", "TestFolders"], resources: [.copy("Fixtures")]),
        .testTarget(name: "OutputsTests", dependencies: ["Outputs", "Content", "Support", "Charts", "Data", "Markdown",
                                                       "TestFolders"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Content", "Support", "Outputs", "TestFolders"]),
        .testTarget(name: "DevServerTests", dependencies: ["DevServer", "Pipeline", "Support", "TestFolders"]),
    ]
)
