import ArgumentParser
import ReaderCore

@main
struct ReaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reader")
    func run() throws {}
}
