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
    /// spaces. Widths count characters, not bytes.
    pub fn render(&self) -> String {
        let width = |s: &str| s.chars().count();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for r in &self.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(width(c));
            }
        }
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut s = String::new();
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    s.push_str("  ");
                }
                let pad = widths[i].saturating_sub(width(c));
                let last = i + 1 == cells.len();
                match self.align[i] {
                    Align::Left => {
                        s.push_str(c);
                        if !last {
                            s.push_str(&" ".repeat(pad));
                        }
                    }
                    Align::Right => {
                        s.push_str(&" ".repeat(pad));
                        s.push_str(c);
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
