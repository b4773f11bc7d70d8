//! Strong emphasis that CommonMark leaves as text: `**August 24, 08.10 uur (CET) -**Though`
//! (a closing `**` after punctuation and before a letter) and `**生き残ったのは「…」**` (CJK
//! punctuation at the edge). The author meant bold; showing the asterisks is showing markup.

use super::{Element, Node};

/// `children` with each pair of `**` left in one text read as strong emphasis. An opening `**`
/// must start the text or follow a space or punctuation (`2**10` is a power, not bold) and come
/// right before a letter, a digit or an amount's sign (`**~$110**`; `src/**/*.js` is a glob),
/// and the words between must not end with a space.
pub(super) fn strong_left_as_text(children: Vec<Node>) -> Vec<Node> {
    if !children
        .iter()
        .any(|child| matches!(child, Node::Text(text) if text.contains("**")))
    {
        return children;
    }
    let mut out = Vec::with_capacity(children.len());
    for child in children {
        match child {
            Node::Text(text) if text.contains("**") => split_pairs(&text, &mut out),
            other => out.push(other),
        }
    }
    out
}

/// Pushes `text` onto `out` as plain pieces and strong ones.
fn split_pairs(text: &str, out: &mut Vec<Node>) {
    let mut plain_from = 0;
    let mut at = 0;
    while let Some(open) = text[at..].find("**").map(|i| at + i) {
        let inner_from = open + 2;
        let opens = text[..open]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || !c.is_alphanumeric())
            && text[inner_from..].chars().next().is_some_and(|c| {
                c.is_alphanumeric() || c == '~' || super::AMOUNT_SIGNS.contains(c)
            });
        let close = text[inner_from..].find("**").map(|i| inner_from + i);
        match close.filter(|&close| {
            opens
                && text[..close]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_whitespace())
        }) {
            Some(close) => {
                if plain_from < open {
                    out.push(Node::Text(text[plain_from..open].to_string()));
                }
                let inner = Node::Text(text[inner_from..close].to_string());
                out.push(Node::Element(Element::Strong, vec![inner]));
                plain_from = close + 2;
                at = close + 2;
            }
            None => at = inner_from,
        }
    }
    if plain_from < text.len() {
        out.push(Node::Text(text[plain_from..].to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Node> {
        strong_left_as_text(vec![Node::Text(text.to_string())])
    }

    fn strong(text: &str) -> Node {
        Node::Element(Element::Strong, vec![Node::Text(text.to_string())])
    }

    #[test]
    fn pairs_left_as_text_are_strong() {
        assert_eq!(
            read("**August 24, 08.10 uur (CET) -**Though we are working"),
            [
                strong("August 24, 08.10 uur (CET) -"),
                Node::Text("Though we are working".into())
            ]
        );
        assert_eq!(
            read("逆に **生き残ったのは「素の git worktree」**。"),
            [
                Node::Text("逆に ".into()),
                strong("生き残ったのは「素の git worktree」"),
                Node::Text("。".into())
            ]
        );
    }

    #[test]
    fn what_is_not_bold_stays_as_written() {
        for text in [
            "2**10 and 3**4",
            "a ** b ** c",
            "one ** alone",
            "****",
            "src/**/*.js and lib/**",
        ] {
            assert_eq!(read(text), [Node::Text(text.into())], "{text}");
        }
    }
}
