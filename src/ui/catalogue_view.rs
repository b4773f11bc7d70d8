//! The home view (`?view=catalogue`): the incidents of `index.json` in a searchable,
//! sortable, filterable list, with aggregate figures and a small chart. Each title is a
//! permalink (`?src=…`) to the incident.

use leptos::prelude::*;

use super::loader::fetch_text;
use super::page_url;
use crate::analysis::catalogue::{
    distinct, select, stats, CatalogueIndex, CatalogueQuery, CatalogueStats, SortKey, QUERY_KEYS,
};
use crate::analysis::format;

/// Where an entry's `src` points, relative to the page: entries are relative to the index.
fn entry_src(index_url: &str, src: &str) -> String {
    if src.contains("://") || src.starts_with('/') {
        return src.to_string();
    }
    match index_url.rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/{src}"),
        None => src.to_string(),
    }
}

/// The catalogue page.
#[component]
pub fn CatalogueView(
    /// The index's URL, relative to the page.
    index_url: String,
) -> impl IntoView {
    let loaded: RwSignal<Option<Result<CatalogueIndex, String>>> = RwSignal::new(None);
    {
        let index_url = index_url.clone();
        leptos::task::spawn_local(async move {
            let fetched = match super::loader::allowed_source(&index_url) {
                Ok(()) => fetch_text(&index_url, |_, _| {}).await.map(|d| d.text),
                Err(error) => Err(error),
            };
            let result = match fetched {
                Ok(text) => serde_json::from_str::<CatalogueIndex>(&text)
                    .map_err(|error| format!("{index_url} is not a catalogue index: {error}")),
                Err(error) => Err(error.to_string()),
            };
            loaded.set(Some(result));
        });
    }
    // The filters live in the URL, so a filtered list can be linked and survives a reload.
    let query = RwSignal::new(query_from_url());
    Effect::new(move |_| query.with(write_query_to_url));
    let index = Memo::new(move |_| match loaded.get() {
        Some(Ok(index)) => index,
        _ => CatalogueIndex::default(),
    });
    let chosen = Memo::new(move |_| query.with(|q| index.with(|i| select(i, q))));
    let figures = Memo::new(move |_| chosen.with(|c| index.with(|i| stats(i, c))));
    let severities = Memo::new(move |_| index.with(|i| distinct(i, |e| vec![e.severity.clone()])));
    let services = Memo::new(move |_| index.with(|i| distinct(i, |e| e.services.clone())));

    let rows = move || {
        let index_url = index_url.clone();
        chosen.get().into_iter().filter_map(move |at| {
            let entry = index.with(|i| i.incidents.get(at).cloned())?;
            let href = format!(
                "?src={}",
                String::from(js_sys::encode_uri_component(&entry_src(&index_url, &entry.src)))
            );
            Some(view! {
                <tr data-testid="catalogue-row">
                    <td class="cat-title"><a href=href>{entry.title.clone()}</a>
                        <span class="cat-tags">{entry.tags.join(" · ")}</span></td>
                    <td class="cat-date">{entry.date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()}</td>
                    <td class="cat-duration">{entry.duration_seconds.map(format::duration).unwrap_or_default()}</td>
                    <td class="cat-impact">{entry.affected_users_percent.map(format::percent).unwrap_or_default()}</td>
                    <td class="cat-severity"><span class="severity" data-severity=entry.severity.to_lowercase()>{entry.severity.clone()}</span></td>
                    <td class="cat-services">{entry.services.join(", ")}</td>
                </tr>
            })
        }).collect_view()
    };

    let sort_button = move |key: SortKey, label: &'static str| {
        let pressed = move || query.with(|q| q.sort == key);
        let arrow = move || match (pressed(), query.with(|q| q.descending)) {
            (true, true) => " ↓",
            (true, false) => " ↑",
            _ => "",
        };
        view! {
            <th scope="col" aria-sort=move || match (pressed(), query.with(|q| q.descending)) {
                (true, true) => "descending",
                (true, false) => "ascending",
                _ => "none",
            }>
                <button type="button" class="sort" data-sort=format!("{key:?}").to_lowercase()
                    on:click=move |_| query.update(|q| {
                        if q.sort == key { q.descending = !q.descending } else { q.sort = key; q.descending = true }
                    })>
                    {label}{arrow}
                </button>
            </th>
        }
    };

    view! {
        <main class="page catalogue" data-testid="catalogue">
            <section class="card">
                <h2>"Incidents"</h2>
                {move || match loaded.get() {
                    None => view! { <p role="status">"Loading the catalogue…"</p> }.into_any(),
                    Some(Err(message)) => view! { <p class="load-error" role="alert" data-testid="catalogue-error">{message}</p> }.into_any(),
                    Some(Ok(_)) => ().into_any(),
                }}
                <div class="cat-controls">
                    <input type="search" placeholder="Search title, impact, service, tag…" aria-label="Search incidents"
                        data-testid="catalogue-search"
                        prop:value=move || query.with(|q| q.text.clone())
                        on:input=move |event| { let text = event_target_value(&event); query.update(|q| q.text = text) } />
                    <select aria-label="Severity" data-testid="catalogue-severity"
                        prop:value=move || query.with(|q| q.severity.clone())
                        on:change=move |event| { let value = event_target_value(&event); query.update(|q| q.severity = value) }>
                        <option value="">"Any severity"</option>
                        {move || severities.get().into_iter().map(|s| {
                            // The options arrive with the index, after the URL's choice was read.
                            let chosen = query.with_untracked(|q| q.severity == s);
                            view! { <option value=s.clone() selected=chosen>{s.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <select aria-label="Service" data-testid="catalogue-service"
                        prop:value=move || query.with(|q| q.service.clone())
                        on:change=move |event| { let value = event_target_value(&event); query.update(|q| q.service = value) }>
                        <option value="">"Any service"</option>
                        {move || services.get().into_iter().map(|s| {
                            let chosen = query.with_untracked(|q| q.service == s);
                            view! { <option value=s.clone() selected=chosen>{s.clone()}</option> }
                        }).collect_view()}
                    </select>
                    // The column headers sort too; this menu is for small screens and keyboards.
                    <label class="cat-sort">
                        "Sort by "
                        <select data-testid="catalogue-sort"
                            prop:value=move || query.with(|q| format!("{}-{}", q.sort.name(), if q.descending { "desc" } else { "asc" }))
                            on:change=move |event| {
                                let value = event_target_value(&event);
                                let (name, order) = value.split_once('-').unwrap_or((value.as_str(), "desc"));
                                if let Some(key) = SortKey::from_name(name) {
                                    query.update(|q| { q.sort = key; q.descending = order != "asc"; });
                                }
                            }>
                            {SortKey::ALL.into_iter().flat_map(|key| {
                                [("desc", "↓"), ("asc", "↑")].map(|(order, arrow)| view! {
                                    <option value=format!("{}-{order}", key.name())>{format!("{} {arrow}", key.label())}</option>
                                })
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                <p class="cat-count" data-testid="catalogue-count">
                    {move || format!("{} of {} incidents", chosen.with(Vec::len), index.with(|i| i.incidents.len()))}
                </p>
                <div class="table-scroll">
                    <table class="cat-table">
                        <thead><tr>
                            {sort_button(SortKey::Title, "Title")}
                            {sort_button(SortKey::Date, "Date")}
                            {sort_button(SortKey::Duration, "Duration")}
                            {sort_button(SortKey::Impact, "Users")}
                            {sort_button(SortKey::Severity, "Severity")}
                            <th scope="col">"Services"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <Show when=move || loaded.with(|l| matches!(l, Some(Ok(_)))) && chosen.with(Vec::is_empty)>
                    <div class="cat-empty" role="status" data-testid="catalogue-empty">
                        <p>{move || if index.with(|i| i.incidents.is_empty()) {
                            "The catalogue has no incidents yet: `postmortem index DIR` writes its index.json."
                        } else {
                            "No incident matches these filters."
                        }}</p>
                        <Show when=move || query.with(CatalogueQuery::filters)>
                            <button type="button" class="button" data-testid="catalogue-clear"
                                on:click=move |_| query.set(CatalogueQuery::newest_first())>
                                "Clear the filters"
                            </button>
                        </Show>
                    </div>
                </Show>
            </section>
            <Figures figures=figures.into() />
        </main>
    }
}

/// Aggregate figures and the small charts.
#[component]
fn Figures(
    /// Figures over the incidents currently listed.
    figures: Signal<CatalogueStats>,
) -> impl IntoView {
    let months = move || {
        let per_month = figures.with(|f| f.per_month.clone());
        let most = per_month.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
        per_month
            .into_iter()
            .map(|(month, count)| {
                let height = format!("{}%", count * 100 / most);
                let label = format!("{month}: {count}");
                view! {
                    <li class="month" title=label.clone() aria-label=label>
                        <span class="bar" style:height=height></span>
                        <span class="month-count">{count}</span>
                        <span class="month-label">{month[2..].replace('-', "/")}</span>
                    </li>
                }
            })
            .collect_view()
    };
    let causes = move || {
        let causes = figures.with(|f| f.root_causes.clone());
        let most = causes.first().map_or(1, |c| c.1.max(1));
        causes
            .into_iter()
            .map(|(kind, count)| {
                let width = format!("{}%", count * 100 / most);
                view! {
                    <li data-testid="cause">
                        <span class="cause-label">{kind.label()}</span>
                        <span class="cause-bar"><span class="bar" style:width=width></span></span>
                        <span class="cause-count">{count}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card figures" aria-labelledby="figures-heading" data-testid="catalogue-figures">
            <h2 id="figures-heading">"At a glance"</h2>
            <dl class="facts">
                <div class="fact"><dt>"Incidents"</dt><dd data-testid="figure-count">{move || figures.with(|f| f.count)}</dd></div>
                <div class="fact"><dt>"Median time to resolve"</dt>
                    <dd data-testid="figure-median">{move || figures.with(|f| f.median_duration_seconds.map(format::duration).unwrap_or_else(|| "–".into()))}</dd></div>
                <div class="fact"><dt>"Total impact time"</dt>
                    <dd>{move || figures.with(|f| format::duration(f.total_duration_seconds))}</dd></div>
            </dl>
            <div class="charts">
                <figure>
                    <figcaption>"Incidents per month"</figcaption>
                    <ol class="months" data-testid="per-month">{months}</ol>
                </figure>
                <figure>
                    <figcaption>"Most frequent root causes"</figcaption>
                    <ol class="causes">{causes}</ol>
                </figure>
            </div>
        </section>
    }
}

/// The catalogue index the page asks for (`?index=`), else the shipped one.
pub fn index_url() -> String {
    page_url::request()
        .index
        .unwrap_or_else(|| page_url::DEFAULT_INDEX.to_string())
}

/// The catalogue's query from the page's URL.
fn query_from_url() -> CatalogueQuery {
    let Some(params) = page_url::params() else {
        return CatalogueQuery::newest_first();
    };
    let values: Vec<(&str, String)> = QUERY_KEYS
        .iter()
        .filter_map(|&key| params.get(key).map(|value| (key, value)))
        .collect();
    CatalogueQuery::from_params(values.iter().map(|(k, v)| (*k, v.as_str())))
}

/// Writes the query into the URL (replacing the entry: typing is not history), keeping the
/// other parameters (`view`, `index`).
fn write_query_to_url(query: &CatalogueQuery) {
    page_url::rewrite(|params| {
        for key in QUERY_KEYS {
            params.delete(key);
        }
        for (key, value) in query.to_params() {
            params.append(key, &value);
        }
    });
}
