import ReaderApp

// `reader`: files, archives and standard input; the commands that need the feed store or
// the search index run `reader-store` (ARCHITECTURE.md, "Start-up").
ReaderCommand.main(stores: nil)
