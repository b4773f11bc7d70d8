//! Browser tests for the loader: text opens as an incident, metric files join the open one,
//! failures leave it as it was, and the status line says what happened. Reading is
//! asynchronous (the parse worker; here its files are not served, so the test reads on the page
//! with the readers, which the page itself has not: see `read_on_page_without_worker`).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use postmortem_explorer::loading::LoadError;
use postmortem_explorer::ui::loader::{load_pasted_text, open_text, LoadStatus, Loader};
use postmortem_explorer::ui::state::{AppState, OpenDocument};
use wasm_bindgen_test::*;

mod browser;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits (up to about 300 animation frames) until the loader has finished, and returns its
/// status.
async fn finished(loader: Loader) -> LoadStatus {
    for _ in 0..100 {
        let status = loader.status.get_untracked();
        if !status.is_busy() && status != LoadStatus::Idle {
            return status;
        }
        browser::settle().await;
    }
    loader.status.get_untracked()
}

fn fresh() -> (Owner, AppState, Loader) {
    // Loads run as tasks; mounting the app starts their executor, a test starts it here.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    postmortem_explorer::ui::read_on_page_without_worker(postmortem_explorer::loading::read_loaded);
    let owner = Owner::new();
    let (state, loader) = owner.with(|| (AppState::new(OpenDocument::sample()), Loader::new()));
    (owner, state, loader)
}

#[wasm_bindgen_test]
async fn a_postmortem_replaces_the_document_and_resets_the_view() {
    let (owner, state, loader) = fresh();
    owner.with(|| {
        state.view.selected.set(Some(3));
        open_text(state, loader, "x.txt", "Title: Pasted incident\n", None);
        assert!(
            loader.status.get_untracked().is_busy(),
            "read asynchronously"
        );
    });
    let status = finished(loader).await;
    owner.with(|| {
        assert_eq!(status, LoadStatus::Done("Opened x.txt.".into()));
        assert_eq!(state.incident.get_untracked().title, "Pasted incident");
        assert_eq!(state.document.get_untracked().source_name, "x.txt");
        assert_eq!(state.view.selected.get_untracked(), None);
        assert_eq!(loader.src.get_untracked(), None);
    });
}

#[wasm_bindgen_test]
async fn a_metrics_file_attaches_to_the_open_incident_with_its_notes() {
    let (owner, state, loader) = fresh();
    // The sample already carries its illustrative series; the file adds one more.
    let before = state.incident.get_untracked().metrics.len();
    let csv = "time,errors\n2024-01-15T15:00:00Z,3\nnot a time,4\n";
    owner.with(|| open_text(state, loader, "errors.csv", csv, None));
    let status = finished(loader).await;
    owner.with(|| {
        assert!(
            matches!(status, LoadStatus::Done(ref m) if m.starts_with("Added 1 metric series")),
            "{status:?}"
        );
        let incident = state.incident.get_untracked();
        assert_eq!(incident.title, "The Great Cookie Catastrophe");
        assert_eq!(incident.metrics.len(), before + 1);
        let added = incident.metrics.last().expect("a series was added");
        assert_eq!(added.name, "errors");
        assert_eq!(added.points, [(1_705_330_800_000, 3.0)]);
        let document = state.document.get_untracked();
        let last = document.diagnostics.last().expect("the bad row is noted");
        assert_eq!(last.line, 3);
        assert!(last.message.starts_with("errors.csv: "), "{}", last.message);
    });
}

#[wasm_bindgen_test]
fn pasting_nothing_fails_and_keeps_the_incident() {
    let (owner, state, loader) = fresh();
    owner.with(|| {
        load_pasted_text(state, loader, "   \n");
        assert_eq!(
            loader.status.get_untracked(),
            LoadStatus::Failed(LoadError::Empty)
        );
        assert_eq!(
            state.incident.get_untracked().title,
            "The Great Cookie Catastrophe"
        );
    });
}
