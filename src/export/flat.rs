//! The graph as flat, typed attribute tables: the one place that fills the columns nodes and
//! edges carry, shared by the GraphML, GEXF, node-link, Cytoscape and CSV exporters. Which columns
//! there are, what each means and how each is named is the exchange vocabulary of
//! [`crate::exchange::columns`], which the importers read back.

use indexmap::IndexMap;
use serde_json::Value;

use super::{tie_weight, AnnotatedGraph};
use crate::exchange::columns::{attribute_column, channel_column, Column, Kind, Part, Role};

/// A table of rows over columns; a row holds `None` where the attribute is absent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The columns, in output order.
    pub columns: Vec<Column>,
    /// The rows, each aligned with `columns`.
    pub rows: Vec<Vec<Option<Value>>>,
}

impl Table {
    /// The columns present in row `i` with their values.
    pub fn cells(&self, i: usize) -> impl Iterator<Item = (&Column, &Value)> + '_ {
        self.columns
            .iter()
            .zip(&self.rows[i])
            .filter_map(|(c, v)| v.as_ref().map(|v| (c, v)))
    }
}

/// The graph as flat tables.
#[derive(Debug, Clone, PartialEq)]
pub struct FlatGraph {
    /// Actor ids, one per node row.
    pub node_ids: Vec<String>,
    /// Node attributes.
    pub nodes: Table,
    /// `(from, to)` row positions in `nodes`, one per edge row.
    pub edge_ends: Vec<(usize, usize)>,
    /// Edge attributes.
    pub edges: Table,
    /// Graph attributes: the fields of [`crate::io::json::GraphPartsDoc`] (`title`, `date`,
    /// `description`, `notes` as an array, `version`, `citations`, `channels`, `build`, `groups`
    /// as in the native format), each absent when empty.
    pub graph: IndexMap<String, Value>,
}

/// The kind of a free attribute from all its values.
fn attribute_kind(values: &[&Value]) -> Kind {
    if values.iter().all(|v| v.is_string()) {
        Kind::String
    } else if values.iter().all(|v| v.is_boolean()) {
        Kind::Boolean
    } else if values.iter().all(|v| v.is_number()) {
        Kind::Double
    } else {
        Kind::Json
    }
}

/// Flattens an annotated graph. Every tie is kept (a tie of strength 0 under the emphasis has
/// `weight` 0 and no `dist`). Time O(actors · attributes + ties · channels).
pub fn flatten(g: &AnnotatedGraph<'_>) -> FlatGraph {
    let graph = g.graph;
    let mut node_cols: Vec<Column> = Vec::new();
    let any = |f: &dyn Fn(&crate::model::Actor) -> bool| graph.actors().any(|(_, a)| f(a));
    let push = |cols: &mut Vec<Column>, name: &str, kind: Kind, role: Role| {
        cols.push(Column {
            name: name.to_owned(),
            kind,
            role,
        });
    };
    push(&mut node_cols, "name", Kind::String, Role::Name);
    push(&mut node_cols, "groups", Kind::String, Role::Groups);
    push(&mut node_cols, "role", Kind::String, Role::Colour);
    if any(&|a| a.coordinates.is_some()) {
        push(&mut node_cols, "lat", Kind::Double, Role::Lat);
        push(&mut node_cols, "lon", Kind::Double, Role::Lon);
    }
    if any(&|a| a.receptiveness.is_some()) {
        for p in Part::ALL {
            let name = format!("receptiveness{}", p.suffix());
            push(&mut node_cols, &name, p.kind(), Role::Receptiveness(p));
        }
    }
    if any(&|a| !a.stance.is_empty()) {
        push(&mut node_cols, "stance", Kind::Json, Role::Stance);
    }
    if any(&|a| a.outreach.is_some()) {
        push(&mut node_cols, "outreach", Kind::Json, Role::Outreach);
    }
    if any(&|a| a.note.is_some()) {
        push(&mut node_cols, "note", Kind::String, Role::Note);
    }
    let mut attr_values: IndexMap<&str, Vec<&Value>> = IndexMap::new();
    for (_, a) in graph.actors() {
        for (k, v) in &a.attributes {
            attr_values.entry(k.as_str()).or_default().push(v);
        }
    }
    let mut taken: Vec<String> = g.node_values.keys().cloned().collect();
    for (k, vs) in &attr_values {
        let name = attribute_column(k, &taken);
        taken.push(name.clone());
        push(
            &mut node_cols,
            &name,
            attribute_kind(vs),
            Role::Attribute((*k).to_owned()),
        );
    }
    for k in g.node_values.keys() {
        let kind = if k == "rank" { Kind::Int } else { Kind::Double };
        push(&mut node_cols, k, kind, Role::Annotation(k.clone()));
    }

    let mut node_ids = Vec::new();
    let mut rows = Vec::new();
    let mut position = std::collections::HashMap::new();
    for (n, a) in graph.actors() {
        position.insert(n, node_ids.len());
        node_ids.push(a.id.to_string());
        let row = node_cols
            .iter()
            .map(|c| match &c.role {
                Role::Name => Some(a.name.clone().into()),
                Role::Groups => Some(graph.groups_of(&a.id).join(",").into()),
                Role::Colour => Some(g.style.role(graph, a).0.into()),
                Role::Lat => a.coordinates.map(|c| c.lat.into()),
                Role::Lon => a.coordinates.map(|c| c.lon.into()),
                Role::Receptiveness(p) => a.receptiveness.as_ref().and_then(|f| p.of(f)),
                Role::Note => a.note.clone().map(Into::into),
                Role::Stance => (!a.stance.is_empty())
                    .then(|| serde_json::to_value(&a.stance).expect("stances serialise")),
                Role::Outreach => a
                    .outreach
                    .as_ref()
                    .map(|o| serde_json::to_value(o).expect("facts serialise")),
                Role::Attribute(k) => a.attributes.get(k).filter(|v| !v.is_null()).cloned(),
                // An undefined value (NaN: constraint of an actor without ties) is absent, as
                // GraphML and GEXF allow, never the text `null` in a numeric attribute.
                Role::Annotation(k) => g
                    .node_values
                    .get(k)
                    .and_then(|m| m.get(&n))
                    .filter(|x| x.is_finite())
                    .map(|&x| {
                        if c.kind == Kind::Int {
                            // Ranks are whole numbers stored as f64.
                            #[allow(clippy::cast_possible_truncation)]
                            Value::from(x as i64)
                        } else {
                            x.into()
                        }
                    }),
                _ => None,
            })
            .collect();
        rows.push(row);
    }
    let nodes = Table {
        columns: node_cols,
        rows,
    };

    let mut edge_cols: Vec<Column> = Vec::new();
    push(&mut edge_cols, "weight", Kind::Double, Role::Weight);
    push(&mut edge_cols, "dist", Kind::Double, Role::Dist);
    push(
        &mut edge_cols,
        "highlighted",
        Kind::Boolean,
        Role::Highlighted,
    );
    let mut taken = Vec::new();
    for c in graph.channels() {
        let name = channel_column(c.as_str(), &taken);
        taken.push(name.clone());
        for p in Part::ALL {
            push(
                &mut edge_cols,
                &format!("{name}{}", p.suffix()),
                p.kind(),
                Role::Channel(c.to_string(), p),
            );
        }
    }
    if graph.ties().any(|(_, _, _, t)| t.series.is_some()) {
        push(&mut edge_cols, "series", Kind::Json, Role::Series);
    }
    if graph.ties().any(|(_, _, _, t)| t.note.is_some()) {
        push(&mut edge_cols, "note", Kind::String, Role::Note);
    }
    let mut edge_ends = Vec::new();
    let mut rows = Vec::new();
    for (_, f, t, tie) in graph.ties() {
        let (w, d) = tie_weight(g, tie);
        edge_ends.push((position[&f], position[&t]));
        let row = edge_cols
            .iter()
            .map(|c| match &c.role {
                Role::Weight => Some(w.into()),
                Role::Dist => d.is_finite().then(|| d.into()),
                Role::Highlighted => Some(g.highlighted.contains(&(f, t)).into()),
                Role::Channel(ch, p) => tie.channels.get(ch).and_then(|fig| p.of(fig)),
                Role::Note => tie.note.clone().map(Into::into),
                Role::Series => tie.series.as_ref().map(|s| series_json(s)),
                _ => None,
            })
            .collect();
        rows.push(row);
    }
    let edges = Table {
        columns: edge_cols,
        rows,
    };

    let attrs = match serde_json::to_value(crate::io::json::GraphPartsDoc::of(graph)) {
        Ok(Value::Object(m)) => m.into_iter().collect(),
        _ => unreachable!("graph-level parts serialise to an object"),
    };
    FlatGraph {
        node_ids,
        nodes,
        edge_ends,
        edges,
        graph: attrs,
    }
}

/// A tie's yearly series as JSON: channel -> figures, oldest first.
pub fn series_json(series: &crate::model::Series) -> Value {
    Value::Object(
        series
            .iter()
            .map(|(c, f)| {
                (
                    c.to_string(),
                    serde_json::to_value(f).expect("figures serialise"),
                )
            })
            .collect(),
    )
}

/// The order in which to write the edge columns of a tie whose channels are `order` (its own
/// channel order): the other columns first, then the channel columns in the tie's channel
/// order, so that a reload keeps it (channel order is part of the data: noisy-OR is summed in
/// that order).
pub fn columns_in_tie_order(columns: &[Column], order: &[String]) -> Vec<usize> {
    let mut cols: Vec<usize> = (0..columns.len()).collect();
    cols.sort_by_key(|&k| match &columns[k].role {
        Role::Channel(ch, _) => (
            1,
            order.iter().position(|x| x == ch).unwrap_or(usize::MAX),
            k,
        ),
        _ => (0, 0, k),
    });
    cols
}

/// A value as text for formats without types (XML, CSV): strings as they are, everything else
/// in its JSON form.
pub fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => crate::io::json_text::compact(other),
    }
}

/// A value as text for a column of kind `kind`: [`Kind::Json`] columns hold JSON text even for
/// strings, so that an importer can tell `"1"` from `1`.
pub fn cell_text(kind: Kind, v: &Value) -> String {
    if kind == Kind::Json {
        crate::io::json_text::compact(v)
    } else {
        text(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collisions_get_prefixes() {
        let text = r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},
"actors":[{"id":"AUT","name":"A","attributes":{"name":"x","note_low":1,"tags":["a",1]}},{"id":"RUS","name":"R"}],
"ties":[{"from":"AUT","to":"RUS","channels":{"weight":{"value":0.5,"source":"s","year":2023}}}]}"#;
        let g = crate::io::json::parse(text, "t.json").unwrap();
        let f = flatten(&AnnotatedGraph::new(&g));
        let names: Vec<&str> = f.nodes.columns.iter().map(|c| c.name.as_str()).collect();
        assert!(names.contains(&"attr_name"), "{names:?}");
        assert!(names.contains(&"attr_note_low"), "{names:?}");
        let tags = f.nodes.columns.iter().find(|c| c.name == "tags").unwrap();
        assert_eq!(tags.kind, Kind::Json);
        let e: Vec<&str> = f.edges.columns.iter().map(|c| c.name.as_str()).collect();
        assert!(
            e.contains(&"ch_weight") && e.contains(&"ch_weight_source"),
            "{e:?}"
        );
    }
}
