/// Work outside the state that an action asks for: running a program, writing a file,
/// the clipboard. `ReaderState.update(_:_:)` returns the effects of an action; the terminal
/// app carries them out (`EffectRunner`) and answers with an action (`.effectFinished`)
/// where the user should see the outcome. The state itself never does I/O
/// (ARCHITECTURE.md, "Effects").
///
/// Each feature adds its case here, its handling in `EffectRunner`, and a unit test that
/// the action returns exactly that effect.
public enum Effect: Hashable, Sendable {
}
