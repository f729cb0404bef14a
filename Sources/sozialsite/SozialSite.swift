import ArgumentParser

/// `sozialsite`: the command-line front end. It parses arguments and prints; the work happens in Pipeline.
@main
struct SozialSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sozialsite",
        abstract: "Baut die Website soziales.mittelsachsen.gemeinsam.machen aus dem Ordner content/.",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, NewsletterCommand.self,
                      DataCommand.self],
        defaultSubcommand: nil
    )

    /// Exit codes: 0 success, 1 content errors, 2 wrong usage (ArgumentParser's default would be 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Self.exit(withError: error)  // --help, --version
            }
            let usage = code == .validationFailure || error is ValidationError
            if usage {
                printToStandardError(fullMessage(for: error))
                Self.exit(withError: ExitCode(2))
            }
            Self.exit(withError: error)
        }
    }
}
