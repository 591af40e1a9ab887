extension KeyMap {
    /// The default table with the configuration's key overrides applied.
    ///
    /// Rules (README "Configuration"):
    /// - an override REPLACES the keys of every binding of that action, in all its
    ///   contexts, except the search prompt's own bindings (there every character must
    ///   stay typeable, so the prompt keeps Enter, Esc, Backspace and Ctrl-C);
    /// - a key given to an action is taken away from the other bindings that share a
    ///   context with it, so it does one thing and the help overlay lists it once;
    ///   a binding left without keys is dropped (that action has no key any more);
    /// - a binding whose hint named a key it lost shows its first key in the hints.
    public static func bindings(overriding overrides: [Action: [Key]]) -> [KeyBinding] {
        guard !overrides.isEmpty else { return bindings }
        var table = bindings
        var overridden = Set<Int>()
        for index in table.indices where !table[index].contexts.contains(.prompt) {
            guard let keys = overrides[table[index].action], !keys.isEmpty else { continue }
            table[index].keys = uniqued(keys)
            table[index].keysLabel = nil
            overridden.insert(index)
        }
        for index in table.indices where !overridden.contains(index) && !table[index].contexts.contains(.prompt) {
            let taken = Set(overridden.filter { !table[$0].contexts.isDisjoint(with: table[index].contexts) }
                .flatMap { table[$0].keys })
            table[index].keys.removeAll(where: taken.contains)
        }
        for index in table.indices {
            let original = bindings[index]
            guard let hintKeys = original.hintKeys, table[index].keys != original.keys else { continue }
            // The key the hint stands for: the one it names, or (for "j/k", "⏎") the first.
            let hinted = original.keys.first(where: { $0.displayName == hintKeys }) ?? original.keys.first
            if let hinted, !table[index].keys.contains(hinted) { table[index].hintKeys = nil }
        }
        return table.filter { !$0.keys.isEmpty }
    }

    private static func uniqued(_ keys: [Key]) -> [Key] {
        var seen = Set<Key>()
        return keys.filter { seen.insert($0).inserted }
    }
}
