//! The illustration's colours, by name, for the light and the dark theme.
//!
//! The page paints shapes through CSS classes (`f-dough`, `s-ink`) whose variables live in
//! `style/illustration.css`; the SVG and PNG exports write the same colours inline. A test
//! keeps the stylesheet and this table in step.

pub use crate::draw::palette::Theme;

macro_rules! colours {
    ($($variant:ident $name:literal $light:literal $dark:literal;)*) => {
        /// A named colour of the illustration.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Colour {
            $(
                #[doc = concat!("`--ci-", $name, "`")]
                $variant,
            )*
        }

        impl Colour {
            /// Every colour, in table order.
            pub const ALL: &'static [Colour] = &[$(Colour::$variant),*];

            /// Its name in CSS classes and variables, e.g. `dough` for `f-dough` and `--ci-dough`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Colour::$variant => $name,)*
                }
            }

            /// Its value (`#rrggbb`) in `theme`.
            pub fn value(self, theme: Theme) -> &'static str {
                match (self, theme) {
                    $(
                        (Colour::$variant, Theme::Light) => $light,
                        (Colour::$variant, Theme::Dark) => $dark,
                    )*
                }
            }
        }
    };
}

colours! {
    Backdrop "backdrop" "#fbf3e6" "#1f1a29";
    Floor "floor" "#f0dcc0" "#2b2333";
    FloorLine "floor-line" "#e5ccaa" "#382e42";
    Shadow "shadow" "#6b4423" "#000000";
    Star "star" "#fbf3e6" "#f6ecc9";
    Dough "dough" "#dd9f57" "#cf9150";
    DoughLight "dough-light" "#efc585" "#e0b070";
    DoughRim "dough-rim" "#bf7833" "#ad6b2c";
    DoughSide "dough-side" "#9c5a22" "#84491b";
    DoughEdge "dough-edge" "#7f4519" "#6a3912";
    Speckle "speckle" "#a9672b" "#935623";
    Chip "chip" "#4a2513" "#3d1e10";
    ChipShine "chip-shine" "#8d5b3d" "#7c4d32";
    Crack "crack" "#4d2a12" "#3b1f0c";
    Gold "gold" "#e2a41f" "#f1b935";
    GoldLight "gold-light" "#fbe08a" "#ffe69a";
    Ink "ink" "#2b1d14" "#1a110c";
    Skin1 "skin-1" "#f7d5b8" "#f7d5b8";
    Skin2 "skin-2" "#e3ae85" "#e3ae85";
    Skin3 "skin-3" "#b97d52" "#b97d52";
    Skin4 "skin-4" "#7a4d30" "#7a4d30";
    Shirt1 "shirt-1" "#3f7fc1" "#4b8dd0";
    Shirt2 "shirt-2" "#d6544f" "#e0625d";
    Shirt3 "shirt-3" "#3f9a68" "#4aab77";
    Shirt4 "shirt-4" "#8a68c0" "#9877cc";
    Shirt5 "shirt-5" "#2a9d9a" "#33adaa";
    Hair1 "hair-1" "#2b1d14" "#2b1d14";
    Hair2 "hair-2" "#6e3f1f" "#6e3f1f";
    Hair3 "hair-3" "#c7752a" "#c7752a";
    Hair4 "hair-4" "#a3a3a3" "#b0b0b0";
    Pants "pants" "#3a4760" "#45536e";
    Shoe "shoe" "#2b1d14" "#120c09";
    Helmet "helmet" "#f3c332" "#f3c332";
    Blush "blush" "#ee8a86" "#e27a78";
    Lens "lens" "#c4e8f7" "#a7d8ec";
    Metal "metal" "#56616f" "#8893a3";
    Net "net" "#ffffff" "#e9eef2";
    Pole "pole" "#a5703b" "#b27d47";
    Laptop "laptop" "#6d7684" "#8a93a1";
    Screen "screen" "#1f3a44" "#16303a";
    Bug "bug" "#e5484d" "#f25a5f";
    Mug "mug" "#fffaf2" "#efe6d8";
    Steam "steam" "#cdbba5" "#6f6479";
    Sparkle "sparkle" "#f1b92e" "#ffd86b";
    Badge "badge" "#2f8f5b" "#3aa86c";
    BadgeLight "badge-light" "#e3f4e9" "#234d36";
    BadgeInk "badge-ink" "#ffffff" "#ffffff";
    Ribbon "ribbon" "#236e45" "#2d8a57";
    Tag "tag" "#fffaf2" "#f4ebda";
    Toothpick "toothpick" "#d9b37b" "#c9a36b";
    Label "label" "#2b1d14" "#2b1d14";
    Caption "caption" "#6b5442" "#d9cbb8";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `--ci-NAME: VALUE;` declarations of one block of the stylesheet.
    fn declarations(block: &str) -> Vec<(String, String)> {
        block
            .split(';')
            .filter_map(|decl| {
                let decl = decl.trim();
                let at = decl.find("--ci-")?;
                let (name, value) = decl[at + 5..].split_once(':')?;
                Some((name.trim().to_string(), value.trim().to_string()))
            })
            .collect()
    }

    #[test]
    fn the_stylesheet_has_every_colour_in_both_themes() {
        let css = include_str!("../../../style/illustration.css");
        let dark_at = css
            .find(":root[data-theme=\"dark\"] .cookie-illustration {")
            .expect("a dark block");
        let (light, dark) = css.split_at(dark_at);
        let (light, dark) = (declarations(light), declarations(dark));
        for &colour in Colour::ALL {
            for (theme, decls) in [(Theme::Light, &light), (Theme::Dark, &dark)] {
                let found = decls.iter().find(|(n, _)| n == colour.name());
                assert_eq!(
                    found.map(|(_, v)| v.as_str()),
                    Some(colour.value(theme)),
                    "--ci-{} in {theme:?}",
                    colour.name()
                );
            }
            let fill = format!(
                ".f-{} {{ fill: var(--ci-{}); }}",
                colour.name(),
                colour.name()
            );
            let stroke = format!(
                ".s-{} {{ stroke: var(--ci-{}); }}",
                colour.name(),
                colour.name()
            );
            assert!(css.contains(&fill), "missing {fill}");
            assert!(css.contains(&stroke), "missing {stroke}");
        }
    }
}
