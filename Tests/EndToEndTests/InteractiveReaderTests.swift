import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `reader` in a real terminal (tmux): keys in, screens out.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct InteractiveReaderTests {
    static let seed = Document(source: ReaderBinary.readBytes(TmuxSession.seedPath), name: TmuxSession.seedName)

    /// A session running the reader on the seed, with its list on screen.
    func startReader(columns: Int = 80, rows: Int = 24) -> (TmuxSession, [String]) {
        #expect(access(TmuxSession.readerPath, X_OK) == 0, "no reader binary at \(TmuxSession.readerPath)")
        let session = TmuxSession(columns: columns, rows: rows, command: TmuxSession.readerCommand())
        // The title bar and the status bar: the whole first frame is there.
        let screen = session.waitFor { $0.first?.hasPrefix(" Reader | ") == true && $0.last?.isEmpty == false }
        return (session, screen)
    }

    @Test func opensTheSeedOnTheList() {
        let (_, screen) = startReader()
        #expect(screen.count == 24)
        #expect(screen[0] == " Reader | 000_87085fd43abf9c5f.txt                                  10 articles")
        #expect(screen[2] == "   2 国内首个空天信息产业共同体和千亿基金群在渝诞生 首批15项…  3§  1.2k字 4 min")
        #expect(screen[23] == " [1/10]                                      j/k move  ⏎ open  / search  ? help")
    }

    @Test func downDownEnterOpensArticleThree() {
        let (session, _) = startReader()
        session.send("Down", "Down", "Enter")
        let screen = session.waitFor { $0.first?.hasSuffix("article 3/10") == true }
        #expect(screen[0] == " Reader | 000_87085fd43abf9c5f.txt                                 article 3/10")
        #expect(screen[1] == "   首届明月湖空天信息产业国际生态活动上嘉宾表示 重庆空天信息产业发展前景广阔")
        #expect(screen[23].hasSuffix("? help"))
    }

    @Test func contentsShowsTheSectionsOfArticleTwoAndEnterJumps() {
        let (session, _) = startReader()
        session.send("Down", "Enter")
        session.waitFor { $0.first?.hasSuffix("article 2/10") == true }
        session.send("t")
        // Wait for the whole overlay: its last section is drawn after its title.
        let overlay = session.waitFor { $0.contains { $0.contains("3 对空天信息应用场景建设") } }
        let sections = InteractiveReaderTests.seed.articles[1].sections
        #expect(sections.count == 3)
        for (index, section) in sections.enumerated() {
            #expect(overlay.contains { $0.contains("\(index + 1) \(section.title)") }, "\(section.title)")
        }
        session.send("Down", "Enter")
        // The heading on top and the status bar below: the whole frame is drawn.
        let screen = session.waitFor {
            $0.count > 23 && $0[1] == " 汇聚全球力量,助力空天信息产业发展" && $0[23].hasPrefix(" 2/3 ")
        }
        #expect(screen[1] == " 汇聚全球力量,助力空天信息产业发展")
        #expect(screen[23].hasPrefix(" 2/3 汇聚全球力量,助力空天信息产业发展"))
    }

    @Test func searchShowsTheMatchCountAndNAdvances() {
        let (session, _) = startReader()
        session.send("Enter")
        session.waitFor { $0.first?.hasSuffix("article 1/10") == true }
        let count = ArticleSearch.matches(
            of: "重庆", in: InteractiveReaderTests.seed.articles[0], document: InteractiveReaderTests.seed
        ).count
        #expect(count > 1)
        session.type("/重庆")
        let prompt = session.waitFor { $0.last?.hasPrefix("/重庆") == true }
        #expect(prompt.last?.hasSuffix("match 1/\(count)  ⏎ accept  Esc cancel") == true, "\(prompt.last ?? "")")
        session.send("Enter")
        let accepted = session.waitFor { $0.last?.hasSuffix("? help") == true }
        #expect(accepted.last?.contains("match 1/\(count)") == true, "\(accepted.last ?? "")")
        session.send("n")
        let next = session.waitFor { $0.last?.contains("match 2/\(count)") == true }
        #expect(next.last?.contains("match 2/\(count)") == true, "\(next.last ?? "")")
    }

    @Test func resizeReflowsToTheNewWidth() {
        let (session, _) = startReader()
        session.send("Down", "Enter")
        session.waitFor { $0.first?.hasSuffix("article 2/10") == true }
        session.resize(columns: 50)
        let seed = InteractiveReaderTests.seed
        let layout = ArticleLayout(article: seed.articles[1], in: seed, width: 48, style: .screen)
        // The title is centred: its lines move right by half of what the widest leaves.
        let titleLines = layout.lines.indices.prefix { layout.lines[$0].kind == .title }
        let widest = titleLines.map { TextWidth.of(layout.string(at: $0)) }.max() ?? 0
        let expected = String(repeating: " ", count: 1 + (48 - widest) / 2) + layout.string(at: 0)
        let screen = session.waitFor { $0.count > 1 && $0[1] == expected }
        #expect(screen[1] == expected)
        #expect(screen[0] == " Reader | 000_87085fd43abf9c5f.txt   article 2/10")
        for line in screen { #expect(TextWidth.of(line) <= 50, "\(line)") }
        #expect(screen.contains { TextWidth.of($0) > 44 })
    }

    @Test func quittingRestoresTheShellsTerminal() {
        let session = TmuxSession(command: TmuxSession.shellCommand)
        session.waitFor { $0.first?.hasPrefix("$") == true }
        session.type(TmuxSession.readerCommand())
        session.send("Enter")
        session.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
        session.send("Enter")
        session.waitFor { $0.first?.hasSuffix("article 1/10") == true }
        session.send("q", "q")
        session.waitFor { $0.contains("$") }
        session.type("stty -a; echo status=$?")
        session.send("Enter")
        let screen = session.waitFor { $0.contains("status=0") }
        expectSaneTerminal(screen)
    }

    @Test func sigtermRestoresTheTerminal() {
        let session = TmuxSession(command: TmuxSession.shellCommand)
        session.waitFor { $0.first?.hasPrefix("$") == true }
        let pidFile = "/tmp/\(session.socket).pid"
        defer { unlink(pidFile) }
        session.type("sh -c 'echo $$ > \(pidFile); exec \(TmuxSession.readerCommand())'; echo exit=$?")
        session.send("Enter")
        session.waitFor { $0.first?.hasPrefix(" Reader | ") == true }
        let pid = TmuxSession.run("cat \(pidFile)").output.split(separator: "\n").first.flatMap { Int32($0) }
        #expect(pid != nil)
        if let pid, pid > 0 { kill(pid, SIGTERM) }
        let exited = session.waitFor { $0.contains("exit=143") }
        #expect(exited.contains("exit=143"))
        session.type("stty -a; echo status=$?")
        session.send("Enter")
        expectSaneTerminal(session.waitFor { $0.contains("status=0") })
    }

    /// `stty -a` shows a cooked terminal: canonical input, echo, signals, CR→NL.
    func expectSaneTerminal(_ screen: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let text = " " + screen.joined(separator: " ") + " "
        #expect(text.contains("status=0"), sourceLocation: sourceLocation)
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            #expect(text.contains(" \(flag) ") || text.contains(" \(flag);"), "\(flag)", sourceLocation: sourceLocation)
            #expect(!text.contains("-\(flag) "), "-\(flag)", sourceLocation: sourceLocation)
        }
        // Not the alternate screen: the shell's prompt and output are there.
        #expect(screen.contains { $0.hasPrefix("$ ") }, sourceLocation: sourceLocation)
    }
}
