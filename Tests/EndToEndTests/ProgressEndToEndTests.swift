import ReaderCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Progress in tmux: the time left in the status bar, lengths in the list, and Space at
/// the end of an article going on to the next unread one.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make deps installs it)"))
struct ProgressEndToEndTests {
    @Test(arguments: [(80, 24), (40, 12)])
    func spaceAtTheEndOpensTheNextUnreadArticle(size: (columns: Int, rows: Int)) {
        let session = TmuxSession(columns: size.columns, rows: size.rows, command: TmuxSession.readerCommand())
        session.waitFor { $0.first?.hasPrefix(" Reader | ") == true && $0.count > 2 }
        // Article 2 read first, then article 1 paged through to its end and past it.
        session.send("2", "q", "1")
        session.waitFor { $0.first?.hasSuffix("article 1/10") == true }
        // One Space at a time, each after the last one's screen, until article 1 is left.
        var next = session.capture()
        for _ in 0..<20 where next.first?.hasSuffix("article 1/10") == true {
            let before = next
            session.send("Space")
            next = session.waitFor(timeout: 2) { $0 != before && $0.last?.contains("%") == true }
        }
        // The whole screen, not a capture between its title bar and its status bar.
        next = session.waitFor { $0.first?.hasSuffix("article 3/10") == true && $0.last?.hasPrefix(" next unread") == true }
        #expect(next.first?.hasSuffix("article 3/10") == true, "\(next)")
        #expect(next.last?.hasPrefix(" next unread: article 3") == true, "\(next.last ?? "")")
    }

    @Test func theListShowsLengthsAndTheArticleTheTimeLeft() {
        let session = TmuxSession(columns: 80, rows: 24, command: TmuxSession.readerCommand())
        let list = session.waitFor { $0.count > 2 && $0[2].hasSuffix("min") }
        #expect(list[2] == "   2 国内首个空天信息产业共同体和千亿基金群在渝诞生 首批15项…  3§  1.2k字 4 min")
        session.send("2")
        let article = session.waitFor { $0.first?.hasSuffix("article 2/10") == true && $0.last?.contains("%") == true }
        #expect(article.last?.contains("35%  4 min left") == true, "\(article.last ?? "")")
    }
}
