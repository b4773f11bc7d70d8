//! The scene model rendered as SVG elements through `view!` (never as an HTML string): every
//! text is a text node, colours are classes from `style/illustration.css`.

use leptos::prelude::*;

use crate::draw::illustration::{
    clip_id, fmt_num as num, opacity_attribute, Node, Paint, Shape, Stage,
};

/// A few words for a stage, for the scrubber's spoken value.
pub fn stage_words(stage: Stage) -> &'static str {
    match stage {
        Stage::Whole => "before the impact",
        Stage::Crumbling => "outage, crumbling",
        Stage::RootCauseFound => "root cause found",
        Stage::Mending => "mitigated, mending",
        Stage::Recovered => "recovered",
    }
}

fn fill(paint: &Paint) -> Option<&'static str> {
    paint.fill.is_none().then_some("none")
}

fn width(paint: &Paint) -> Option<String> {
    paint.stroke.map(|_| num(paint.width))
}

/// One node of the scene and its children.
pub fn node(node: &Node) -> AnyView {
    let transform = node.transform.to_attribute();
    let opacity = opacity_attribute(node.opacity);
    let role = node.role.name();
    match &node.shape {
        Shape::Group(children) => view! {
            <g transform=transform opacity=opacity data-role=role>
                {children.iter().map(self::node).collect_view()}
            </g>
        }
        .into_any(),
        Shape::Clipped { clip, children } => {
            let id = clip_id(&node.id);
            let url = format!("url(#{id})");
            view! {
                <g transform=transform opacity=opacity data-role=role>
                    <clipPath id=id>
                        <path d=clip.clone() />
                    </clipPath>
                    <g clip-path=url>{children.iter().map(self::node).collect_view()}</g>
                </g>
            }
            .into_any()
        }
        Shape::Path { d, paint } => view! {
            <path
                d=d.clone()
                class=paint.classes()
                fill=fill(paint)
                stroke-width=width(paint)
                transform=transform
                opacity=opacity
                data-role=role
            />
        }
        .into_any(),
        Shape::Ellipse {
            centre,
            rx,
            ry,
            paint,
        } => view! {
            <ellipse
                cx=num(centre.x)
                cy=num(centre.y)
                rx=num(*rx)
                ry=num(*ry)
                class=paint.classes()
                fill=fill(paint)
                stroke-width=width(paint)
                transform=transform
                opacity=opacity
                data-role=role
            />
        }
        .into_any(),
        Shape::Text {
            at,
            text,
            size,
            weight,
            anchor,
            paint,
        } => view! {
            <text
                x=num(at.x)
                y=num(at.y)
                font-size=num(*size)
                font-weight=weight.to_string()
                text-anchor=anchor.name()
                class=paint.classes()
                transform=transform
                opacity=opacity
                data-role=role
            >
                {text.clone()}
            </text>
        }
        .into_any(),
    }
}
