//! Tests for the rich-text tree: what Markdown and inline HTML become, and what never passes.
//!
//! Test code only (`#![cfg(test)]`, and `#[cfg(test)] mod tests;` in `mod.rs`): its `unwrap`s
//! are assertions that fail a test, never code the page runs.

#![cfg(test)]

use super::*;

fn text(words: &str) -> Node {
    Node::Text(words.to_string())
}

fn el(element: Element, children: Vec<Node>) -> Node {
    Node::Element(element, children)
}

fn plain(markdown: &str) -> Vec<Node> {
    render(markdown, &LinkBase::none())
}

fn hosted() -> LinkBase {
    LinkBase::new(
        Some("https://docs.example.org/explorer/?src=pm/x.md"),
        Some("pm/incidents/db.md"),
    )
}

/// Every node, depth first.
fn walk(nodes: &[Node], out: &mut Vec<Node>) {
    for node in nodes {
        out.push(node.clone());
        if let Node::Element(_, children) = node {
            walk(children, out);
        }
    }
}

fn depth(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Text(_) => 1,
            Node::Element(_, children) => 1 + depth(children),
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn inline_markdown_becomes_elements() {
    assert_eq!(
        plain(
            "The **cache** was *cold*, see `cfg.yml` and [the PR](https://github.com/a/b/pull/1)."
        ),
        [el(
            Element::Paragraph,
            vec![
                text("The "),
                el(Element::Strong, vec![text("cache")]),
                text(" was "),
                el(Element::Emphasis, vec![text("cold")]),
                text(", see "),
                el(Element::Code, vec![text("cfg.yml")]),
                text(" and "),
                el(
                    Element::Link("https://github.com/a/b/pull/1".into()),
                    vec![text("the PR")]
                ),
                text("."),
            ]
        )]
    );
}

#[test]
fn single_tildes_before_a_number_mean_about_and_keep_the_bold_around_them() {
    // Read as a strike-through, the first tilde would take the bold's opening with it.
    assert_eq!(
        plain("Typical leg ~55 TON ≈ **~$110** at $2"),
        [el(
            Element::Paragraph,
            vec![
                text("Typical leg ~55 TON ≈ "),
                el(Element::Strong, vec![text("~$110")]),
                text(" at $2"),
            ]
        )]
    );
    assert_eq!(
        plain("Buffer ~2 GB, cost **~24** more"),
        [el(
            Element::Paragraph,
            vec![
                text("Buffer ~2 GB, cost "),
                el(Element::Strong, vec![text("~24")]),
                text(" more"),
            ]
        )]
    );
    // A number struck through and the new one after it: `~1,200~ 1,450`.
    assert_eq!(
        plain("~1,200~ 1,450"),
        [el(
            Element::Paragraph,
            vec![el(Element::Strike, vec![text("1,200")]), text(" 1,450")]
        )]
    );
    // Words between single tildes are struck through, as on GitHub; double tildes always are.
    assert_eq!(
        plain("~still down~ and ~~paged~~"),
        [el(
            Element::Paragraph,
            vec![
                el(Element::Strike, vec![text("still down")]),
                text(" and "),
                el(Element::Strike, vec![text("paged")]),
            ]
        )]
    );
}

#[test]
fn nested_lists_tasks_and_quotes() {
    let got = plain("- one\n  - inner\n- [x] done\n\n> quoted *words*\n");
    assert_eq!(
        got,
        [
            el(
                Element::List(None),
                vec![
                    el(
                        Element::Item,
                        vec![
                            text("one"),
                            el(
                                Element::List(None),
                                vec![el(Element::Item, vec![text("inner")])]
                            )
                        ]
                    ),
                    el(
                        Element::Item,
                        vec![el(Element::Task(true), vec![]), text("done")]
                    ),
                ]
            ),
            el(
                Element::Quote,
                vec![el(
                    Element::Paragraph,
                    vec![text("quoted "), el(Element::Emphasis, vec![text("words")])]
                )]
            ),
        ]
    );
}

#[test]
fn tables_have_a_header_row_and_data_rows() {
    let got = plain("| Owner | Task |\n|---|---|\n| **ana** | rotate keys |\n");
    assert_eq!(
        got,
        [el(
            Element::Table,
            vec![
                el(
                    Element::TableHead,
                    vec![
                        el(Element::HeaderCell, vec![text("Owner")]),
                        el(Element::HeaderCell, vec![text("Task")]),
                    ]
                ),
                el(
                    Element::Row,
                    vec![
                        el(Element::Cell, vec![el(Element::Strong, vec![text("ana")])]),
                        el(Element::Cell, vec![text("rotate keys")]),
                    ]
                ),
            ]
        )]
    );
}

#[test]
fn code_blocks_keep_their_lines_and_are_never_linked() {
    let got = plain("```\n$ curl https://x.test/\n<b>not bold</b>\n```\n");
    assert_eq!(
        got,
        [el(
            Element::CodeBlock,
            vec![text("$ curl https://x.test/\n<b>not bold</b>\n")]
        )]
    );
}

#[test]
fn bare_urls_in_prose_become_links() {
    assert_eq!(
        plain("Status at https://status.example.com."),
        [el(
            Element::Paragraph,
            vec![
                text("Status at "),
                el(
                    Element::Link("https://status.example.com".into()),
                    vec![text("https://status.example.com")]
                ),
                text("."),
            ]
        )]
    );
}

#[test]
fn unsafe_and_unresolvable_links_keep_only_their_words() {
    let got = plain(
        "[run](javascript:alert(1)) [data](data:text/html,x) [rel](../runbook.md) [mail](mailto:sre@example.com)",
    );
    let mut all = Vec::new();
    walk(&got, &mut all);
    let links: Vec<&Element> = all
        .iter()
        .filter_map(|n| match n {
            Node::Element(e @ Element::Link(_), _) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(links, [&Element::Link("mailto:sre@example.com".into())]);
    assert_eq!(plain_text(&got), "run data rel mail\n");
}

#[test]
fn relative_links_and_images_resolve_against_the_document() {
    let got = render(
        "[runbook](../runbooks/db.md) ![graph](img/errors.png) ![remote](https://cdn.example.com/x.png)",
        &hosted(),
    );
    let mut all = Vec::new();
    walk(&got, &mut all);
    assert!(all.contains(&el(
        Element::Link("https://docs.example.org/explorer/pm/runbooks/db.md".into()),
        vec![text("runbook")]
    )));
    assert!(all.contains(&el(
        Element::Image {
            url: "https://docs.example.org/explorer/pm/incidents/img/errors.png".into(),
            alt: "graph".into()
        },
        vec![]
    )));
    assert!(all.contains(&el(
        Element::Link("https://cdn.example.com/x.png".into()),
        vec![text("Image: remote")]
    )));
}

#[test]
fn without_a_base_an_image_is_its_description() {
    assert_eq!(
        plain("![the graph](graph.png)"),
        [el(Element::Paragraph, vec![text("the graph")])]
    );
}

#[test]
fn safe_inline_html_maps_to_the_same_elements() {
    let got = plain("a<br>b <b>bold</b> <em>it</em> <a href=\"https://x.test\">x</a> <span style=\"color:red\">red</span>");
    assert_eq!(
        got,
        [el(
            Element::Paragraph,
            vec![
                text("a"),
                el(Element::Break, vec![]),
                text("b "),
                el(Element::Strong, vec![text("bold")]),
                text(" "),
                el(Element::Emphasis, vec![text("it")]),
                text(" "),
                el(Element::Link("https://x.test/".into()), vec![text("x")]),
                text(" red"),
            ]
        )]
    );
}

#[test]
fn other_tags_stay_visible_as_text_and_never_become_elements() {
    let got = plain(
        "Before <script>alert(1)</script> and <iframe src=\"https://evil.test\"></iframe> <a href=\"javascript:x()\">click</a> <img src=x onerror=alert(1)>",
    );
    assert_eq!(
        plain_text(&got),
        "Before <script>alert(1)</script> and <iframe src=\"https://evil.test\"></iframe> click x\n"
    );
    let mut all = Vec::new();
    walk(&got, &mut all);
    assert!(all.iter().all(|n| !matches!(
        n,
        Node::Element(Element::Link(_) | Element::Image { .. }, _)
    )));
}

#[test]
fn custom_elements_show_their_content() {
    let got =
        plain("We then went on to <b><x-dso simbad=\"M 17\">M 17</x-dso></b>, which was bright.");
    assert_eq!(
        plain_text(&got),
        "We then went on to M 17, which was bright.\n"
    );
}

#[test]
fn html_blocks_become_tables_and_lists() {
    let got = plain(
        "<table>\n  <tr><th>When</th><th>What</th></tr>\n  <tr><td>10:02</td><td>paged<br>on-call</td></tr>\n</table>\n\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n",
    );
    assert_eq!(
        got,
        [
            el(
                Element::Table,
                vec![
                    el(
                        Element::Row,
                        vec![
                            el(Element::HeaderCell, vec![text("When")]),
                            el(Element::HeaderCell, vec![text("What")]),
                        ]
                    ),
                    el(
                        Element::Row,
                        vec![
                            el(Element::Cell, vec![text("10:02")]),
                            el(
                                Element::Cell,
                                vec![text("paged"), el(Element::Break, vec![]), text("on-call")]
                            ),
                        ]
                    ),
                ]
            ),
            el(
                Element::List(None),
                vec![
                    el(Element::Item, vec![text("one")]),
                    el(Element::Item, vec![text("two")]),
                ]
            ),
        ]
    );
}

#[test]
fn comments_are_hidden_and_unclosed_tags_close_with_their_block() {
    let got = plain("<!-- draft note -->\n\nOne <b>bold\n\nTwo");
    assert_eq!(
        got,
        [
            el(
                Element::Paragraph,
                vec![text("One "), el(Element::Strong, vec![text("bold")])]
            ),
            el(Element::Paragraph, vec![text("Two")]),
        ]
    );
}

#[test]
fn stray_closing_tags_are_dropped_without_closing_markdown() {
    let got = plain("**a </b> b**");
    assert_eq!(
        got,
        [el(
            Element::Paragraph,
            vec![el(Element::Strong, vec![text("a  b")])]
        )]
    );
}

#[test]
fn deep_nesting_is_flattened_not_overflowed() {
    let quotes = ">".repeat(20_000) + " deep";
    let got = plain(&quotes);
    assert!(depth(&got) <= MAX_DEPTH + 2, "depth {}", depth(&got));
    assert!(plain_text(&got).contains("deep"));
    let tags = "<b>".repeat(20_000) + "x";
    let got = plain(&tags);
    assert!(depth(&got) <= MAX_DEPTH + 2);
    assert!(plain_text(&got).contains('x'));
}

#[test]
fn links_resolve_only_to_web_and_mail() {
    let base = hosted();
    assert_eq!(base.link("#timeline"), None);
    assert_eq!(base.link("file:///etc/passwd"), None);
    assert_eq!(base.link(" JavaScript:alert(1)"), None);
    assert_eq!(
        base.link("/other/pm.md"),
        Some("https://docs.example.org/other/pm.md".into())
    );
    assert_eq!(
        LinkBase::none().link("https://x.test/a b"),
        Some("https://x.test/a%20b".into())
    );
}

#[test]
fn long_texts_are_cut_for_a_first_view_at_a_paragraph() {
    use super::preview_end;
    assert_eq!(preview_end("short", 100), None);
    let text = format!("{}\n\n{}", "a".repeat(80), "b".repeat(80));
    assert_eq!(preview_end(&text, 100), Some(80));
    // No paragraph break late enough: the last line break, else the limit itself.
    let lines = format!("{}\n{}", "a".repeat(70), "b".repeat(80));
    assert_eq!(preview_end(&lines, 100), Some(70));
    let one = "é".repeat(100);
    let cut = preview_end(&one, 101).unwrap();
    assert!(one.is_char_boundary(cut) && cut <= 101);
}
