import ReaderApp

// `reader-store`: the reader with the feed store and the search index, which `reader`
// runs for the commands that need them (ARCHITECTURE.md, "Start-up").
ReaderCommand.main(stores: LinkedStores())
