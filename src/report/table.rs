//! A plain-text table with aligned columns, for people at a terminal.

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Left-aligned (text).
    Left,
    /// Right-aligned (numbers).
    Right,
}

/// A table: headers, alignment and rows of cells.
#[derive(Debug, Clone, Default)]
pub struct Table {
    headers: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these columns.
    pub fn new(columns: &[(&str, Align)]) -> Self {
        Table {
            headers: columns.iter().map(|c| c.0.to_owned()).collect(),
            align: columns.iter().map(|c| c.1).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row (missing cells are empty, extra cells are dropped). Control characters in a
    /// cell are shown escaped ([`super::terminal_safe`]), so that text from an input file cannot
    /// drive the terminal or break the alignment.
    pub fn row(&mut self, cells: Vec<String>) {
        let mut cells: Vec<String> = cells
            .into_iter()
            .map(|c| match super::terminal_safe(&c) {
                std::borrow::Cow::Borrowed(_) => c,
                std::borrow::Cow::Owned(shown) => shown,
            })
            .collect();
        cells.resize(self.headers.len(), String::new());
        self.rows.push(cells);
    }

    /// Renders the table: header, a rule, rows; columns separated by two spaces, no trailing
    /// spaces. Widths are display widths (a CJK character counts two, a combining mark none).
    /// When a maximum width is set ([`set_max_width`], the terminal's width when the output is a
    /// terminal) and the table is wider, the widest text columns are cut to fit, each cut cell
    /// ending in `…`; numbers are never cut. A table piped or written to a file is never cut.
    pub fn render(&self) -> String {
        self.render_within(max_width())
    }

    /// [`Table::render`] within `max` columns (`None`: no limit).
    pub fn render_within(&self, max: Option<usize>) -> String {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| display_width(h)).collect();
        for r in &self.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(display_width(c));
            }
        }
        if let Some(max) = max {
            self.fit(&mut widths, max);
        }
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    s.push_str("  ");
                }
                let c = cut(c, widths[i]);
                let pad = widths[i].saturating_sub(display_width(&c));
                let last = i + 1 == cells.len();
                match self.align[i] {
                    Align::Left => {
                        s.push_str(&c);
                        if !last {
                            s.push_str(&" ".repeat(pad));
                        }
                    }
                    Align::Right => {
                        s.push_str(&" ".repeat(pad));
                        s.push_str(&c);
                    }
                }
            }
            out.push_str(s.trim_end());
            out.push('\n');
        };
        line(&self.headers, &mut out);
        let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
        line(&rule, &mut out);
        for r in &self.rows {
            line(r, &mut out);
        }
        out
    }

    /// Narrows the widest text columns until the table fits in `max` columns, keeping each at
    /// least as wide as its header and 8 columns: the widest loses a column at a time, so that
    /// long columns end up equally cut. O(excess × columns).
    fn fit(&self, widths: &mut [usize], max: usize) {
        let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
        while total(widths) > max {
            let floor = |i: usize| display_width(&self.headers[i]).max(8);
            let Some(i) = (0..widths.len())
                .filter(|&i| self.align[i] == Align::Left && widths[i] > floor(i))
                .max_by_key(|&i| (widths[i], i))
            else {
                return;
            };
            // One column at a time from the widest, so that the cut is shared out evenly.
            widths[i] -= 1;
        }
    }
}

/// The widest a table may be, 0 for no limit.
static MAX_WIDTH: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Sets the widest a table may be from now on (`None`: no limit, the default). The command line
/// sets it to the terminal's width when standard output is a terminal.
pub fn set_max_width(max: Option<usize>) {
    MAX_WIDTH.store(max.unwrap_or(0), std::sync::atomic::Ordering::Relaxed);
}

/// The width prose under a table wraps at: 100 columns, or the table width when narrower.
pub fn prose_width() -> usize {
    max_width().map_or(100, |w| w.clamp(20, 100))
}

fn max_width() -> Option<usize> {
    match MAX_WIDTH.load(std::sync::atomic::Ordering::Relaxed) {
        0 => None,
        w => Some(w),
    }
}

/// The display width of `s` in a terminal.
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` cut to `width` display columns, ending in `…` when cut.
fn cut(s: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if display_width(s) <= width {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    std::borrow::Cow::Owned(out)
}

/// A share in [0, 1] as a percentage with one decimal (`14.5%`); tiny non-zero values keep two
/// significant digits (`0.012%`).
pub fn percent(x: f64) -> String {
    let p = x * 100.0;
    if p != 0.0 && p.abs() < 0.1 {
        format!("{}%", significant(p, 2))
    } else {
        format!("{p:.1}%")
    }
}

/// `x` with `digits` significant digits, in plain decimal notation.
pub fn significant(x: f64, digits: usize) -> String {
    if x == 0.0 {
        // Also for -0.0, which `format!` writes `-0`.
        return "0".to_owned();
    }
    if !x.is_finite() {
        return format!("{x}");
    }
    let magnitude = x.abs().log10().floor() as i32;
    let decimals = (digits as i32 - 1 - magnitude).max(0) as usize;
    format!("{x:.decimals$}")
}

/// `n` with commas between thousands: `2000` as `2,000`, `500000` as `500,000`.
///
/// ```
/// assert_eq!(leverage::report::table::thousands(1234567), "1,234,567");
/// assert_eq!(leverage::report::table::thousands(999), "999");
/// ```
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns() {
        let mut t = Table::new(&[("id", Align::Left), ("score", Align::Right)]);
        t.row(vec!["CHN".into(), "0.5".into()]);
        t.row(vec!["Türkiye".into(), "12.25".into()]);
        assert_eq!(
            t.render(),
            "id       score\n-------  -----\nCHN        0.5\nTürkiye  12.25\n"
        );
    }

    // See: #11, #12
    #[test]
    fn wide_characters_align_and_tables_fit() {
        let mut t = Table::new(&[("name", Align::Left), ("n", Align::Right)]);
        t.row(vec!["中国".into(), "1".into()]);
        t.row(vec!["Chad".into(), "22".into()]);
        // 中国 is four columns wide, like Chad.
        assert_eq!(
            t.render_within(None),
            "name   n\n----  --\n中国   1\nChad  22\n"
        );
        let mut t = Table::new(&[("path", Align::Left), ("score", Align::Right)]);
        t.row(vec!["DEU → NLD → GBR → RUS → CHN".into(), "162".into()]);
        let fitted = t.render_within(Some(20));
        for line in fitted.lines() {
            assert!(display_width(line) <= 20, "{line}");
        }
        assert!(fitted.contains('…') && fitted.contains("162"), "{fitted}");
        // Numbers are never cut: a table that cannot fit stays whole.
        let mut t = Table::new(&[("a", Align::Right)]);
        t.row(vec!["123456789012".into()]);
        assert!(t.render_within(Some(5)).contains("123456789012"));
    }

    #[test]
    fn number_formats() {
        assert_eq!(percent(0.145), "14.5%");
        assert_eq!(percent(0.00012), "0.012%");
        assert_eq!(percent(0.0), "0.0%");
        assert_eq!(significant(0.0116, 3), "0.0116");
        assert_eq!(significant(123.456, 3), "123");
        assert_eq!(significant(0.000123456, 2), "0.00012");
    }
}
