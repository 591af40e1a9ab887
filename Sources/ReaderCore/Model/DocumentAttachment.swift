/// A value that a layer above the model works out once from a document (the search
/// index's `SearchIndexCache`) and keeps with it, shared by the document's copies,
/// without the model naming its type: the layers depend downwards only
/// (ARCHITECTURE.md, "Layers").
final class DocumentAttachment: Sendable {
    private let stored = Locked<(any AnyObject & Sendable)?>(nil)

    /// The attached `Value`, made by `make` the first time it is asked for.
    func value<Value: AnyObject & Sendable>(orMake make: () -> Value) -> Value {
        stored.withLock { stored in
            if let existing = stored as? Value { return existing }
            let made = make()
            stored = made
            return made
        }
    }
}
