//! Label placement for the timeline: events that fall within a few pixels of each other are
//! clustered, and labels are stacked into lanes so they never overlap. Linear in the number
//! of items (times the small number of lanes); the input must be sorted by `x`.

/// One item to place: its marker position and its label's extent, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    /// Marker position.
    pub x: f64,
    /// Label's left edge: usually `x`, further left near the right edge of the canvas.
    pub left: f64,
    /// Label width.
    pub width: f64,
}

/// How to place labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    /// Rows available for labels.
    pub lanes: usize,
    /// Minimum free space between two labels in one lane.
    pub gap: f64,
    /// Items closer than this to a group's first item join the group (a cluster).
    pub cluster_px: f64,
    /// Label width of a cluster ("24 events").
    pub cluster_width: f64,
    /// Right edge labels must stay left of (cluster labels are pulled left to fit).
    pub right: f64,
}

/// A placed marker: one item, or a cluster of neighbouring items.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Group {
    /// Index of its first item in the input.
    pub first: usize,
    /// How many consecutive items it holds (1 = a single event).
    pub len: usize,
    /// Marker position: the middle of its items.
    pub x: f64,
    /// Label's left edge.
    pub left: f64,
    /// Its label's lane, or `None` when no lane had room (marker only, label left out).
    pub lane: Option<usize>,
}

/// Groups `items` (sorted by `x`) into clusters and stacks their labels into lanes, first
/// fit, so that no two labels in one lane overlap.
pub fn layout(items: &[LabelBox], options: LayoutOptions) -> Vec<Group> {
    let mut lane_ends = vec![f64::NEG_INFINITY; options.lanes];
    let mut groups = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let first_x = items[i].x;
        let mut j = i + 1;
        while j < items.len() && items[j].x - first_x < options.cluster_px {
            j += 1;
        }
        let len = j - i;
        let x = (first_x + items[j - 1].x) / 2.0;
        let (left, width) = if len == 1 {
            (items[i].left, items[i].width)
        } else {
            (
                x.min(options.right - options.cluster_width).max(0.0),
                options.cluster_width,
            )
        };
        // Lane ends only grow, so a label that fits after a lane's end overlaps nothing in it.
        let lane = lane_ends
            .iter()
            .position(|&end| end + options.gap <= left)
            .inspect(|&lane| lane_ends[lane] = lane_ends[lane].max(left + width));
        groups.push(Group {
            first: i,
            len,
            x,
            left,
            lane,
        });
        i = j;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPTIONS: LayoutOptions = LayoutOptions {
        lanes: 3,
        gap: 4.0,
        cluster_px: 3.0,
        cluster_width: 50.0,
        right: f64::INFINITY,
    };

    fn boxes(xs: &[f64], width: f64) -> Vec<LabelBox> {
        xs.iter().map(|&x| LabelBox { x, left: x, width }).collect()
    }

    #[test]
    fn labels_in_one_lane_never_overlap() {
        let items = boxes(&[0.0, 10.0, 20.0, 30.0, 120.0, 125.0], 100.0);
        let groups = layout(&items, OPTIONS);
        let lanes: Vec<Option<usize>> = groups.iter().map(|g| g.lane).collect();
        assert_eq!(lanes, [Some(0), Some(1), Some(2), None, Some(0), Some(1)]);
        for lane in 0..OPTIONS.lanes {
            let mut spans: Vec<(f64, f64)> = groups
                .iter()
                .filter(|g| g.lane == Some(lane))
                .map(|g| (g.left, g.left + items[g.first].width))
                .collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            assert!(spans.windows(2).all(|p| p[0].1 + OPTIONS.gap <= p[1].0));
        }
    }

    #[test]
    fn labels_pulled_left_still_keep_their_lane_clear() {
        let items = [
            LabelBox {
                x: 0.0,
                left: 0.0,
                width: 50.0,
            },
            LabelBox {
                x: 90.0,
                left: 40.0,
                width: 50.0,
            },
            LabelBox {
                x: 95.0,
                left: 60.0,
                width: 35.0,
            },
        ];
        let lanes: Vec<Option<usize>> = layout(&items, OPTIONS).iter().map(|g| g.lane).collect();
        assert_eq!(lanes, [Some(0), Some(1), Some(0)]);
    }

    #[test]
    fn many_items_on_one_pixel_become_one_cluster() {
        let mut xs = vec![50.0; 1000];
        xs.push(200.0);
        let groups = layout(&boxes(&xs, 40.0), OPTIONS);
        assert_eq!(groups.len(), 2);
        assert_eq!(
            (groups[0].first, groups[0].len, groups[0].x),
            (0, 1000, 50.0)
        );
        assert_eq!((groups[1].first, groups[1].len), (1000, 1));
        assert_eq!(groups.iter().map(|g| g.len).sum::<usize>(), xs.len());
    }

    #[test]
    fn ten_thousand_items_are_all_accounted_for() {
        let xs: Vec<f64> = (0..10_000).map(|i| i as f64 * 0.12).collect();
        let groups = layout(&boxes(&xs, 80.0), OPTIONS);
        assert_eq!(groups.iter().map(|g| g.len).sum::<usize>(), 10_000);
        assert!(groups.len() < 500);
        assert!(groups
            .windows(2)
            .all(|p| p[0].first + p[0].len == p[1].first));
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(layout(&[], OPTIONS).is_empty());
        let no_lanes = LayoutOptions {
            lanes: 0,
            ..OPTIONS
        };
        assert_eq!(layout(&boxes(&[1.0], 5.0), no_lanes)[0].lane, None);
    }
}
