//! The editor's undo history: snapshots of the text and cursor, taken when the writer pauses,
//! kept with the draft so that reopening the editor restores it (a textarea's own history is
//! lost on reload). Capped in entries and in bytes so a draft always fits its storage.

use serde::{Deserialize, Serialize};

/// Snapshots kept at most.
pub const MAX_STEPS: usize = 100;
/// Bytes of text all snapshots may hold together.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The text and cursor at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The whole text.
    pub text: String,
    /// The cursor, as a character offset (what a textarea's selection reports, in UTF-16
    /// units in the browser; the editor converts).
    pub cursor: u32,
}

/// Undo and redo stacks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
}

impl History {
    /// Records `before`, the state the writer left, as the step an undo returns to; a new
    /// edit forgets what could be redone. Nothing is recorded when the text did not change.
    pub fn record(&mut self, before: Snapshot) {
        if self
            .undo
            .last()
            .is_some_and(|last| last.text == before.text)
        {
            return;
        }
        self.undo.push(before);
        self.redo.clear();
        self.trim();
    }

    /// The state before `current`, which becomes redoable; `None` when there is none.
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let mut previous = self.undo.pop()?;
        if previous.text == current.text {
            previous = self.undo.pop()?;
        }
        self.redo.push(current);
        Some(previous)
    }

    /// The state an undo left, `current` becoming undoable again.
    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    /// How many steps can be undone and redone.
    pub fn depth(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    fn trim(&mut self) {
        let bytes =
            |h: &History| -> usize { h.undo.iter().chain(&h.redo).map(|s| s.text.len()).sum() };
        while self.undo.len() > MAX_STEPS || (bytes(self) > MAX_BYTES && !self.undo.is_empty()) {
            self.undo.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Snapshot {
        Snapshot {
            text: text.to_string(),
            cursor: text.chars().count() as u32,
        }
    }

    #[test]
    fn undo_and_redo_walk_the_recorded_steps() {
        let mut history = History::default();
        history.record(at(""));
        history.record(at("a"));
        history.record(at("a"));
        history.record(at("ab"));
        assert_eq!(history.depth(), (3, 0));
        assert_eq!(history.undo(at("abc")), Some(at("ab")));
        assert_eq!(history.undo(at("ab")), Some(at("a")));
        assert_eq!(history.redo(at("a")), Some(at("ab")));
        assert_eq!(history.redo(at("ab")), Some(at("abc")));
        assert_eq!(history.redo(at("abc")), None);
        history.undo(at("abc"));
        history.record(at("ab!"));
        assert_eq!(history.depth().1, 0, "a new edit forgets the redo steps");
    }

    #[test]
    fn an_undo_of_the_recorded_state_itself_goes_one_further() {
        let mut history = History::default();
        history.record(at("one"));
        history.record(at("two"));
        assert_eq!(history.undo(at("two")), Some(at("one")));
    }

    #[test]
    fn the_history_is_capped() {
        let mut history = History::default();
        for i in 0..(MAX_STEPS + 20) {
            history.record(at(&i.to_string()));
        }
        assert_eq!(history.depth().0, MAX_STEPS);
        let big = "x".repeat(MAX_BYTES / 3);
        for i in 0..5 {
            history.record(at(&format!("{big}{i}")));
        }
        assert!(history.depth().0 <= 3);
        let json = serde_json::to_string(&history).expect("json");
        assert_eq!(
            serde_json::from_str::<History>(&json).expect("back"),
            history
        );
    }
}
