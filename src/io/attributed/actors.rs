//! Nodes into actors: each named value by its role (leverage's manifest, else the value's name),
//! typed and placed.

use std::collections::HashMap;

use indexmap::IndexMap;

use super::super::json::ActorDoc;
use super::{figure, number, typed, Exact, Node, Reader};
use crate::exchange::columns::{Part, Role};
use crate::exchange::manifest::NODE_KEY_PREFIX;

/// How the nodes' values are named and typed.
pub(super) struct NodeValues<'a> {
    /// The declared type of each value, by name.
    pub types: &'a HashMap<String, String>,
    /// Display names of values whose name is an id.
    pub titles: &'a HashMap<String, String>,
    /// Whether the nodes have a `name` value (then `label` is an attribute).
    pub has_name: bool,
    /// leverage's manifest, if the file has one.
    pub exact: Option<&'a Exact>,
}

/// The role of a node value in a file without a manifest.
pub(super) fn node_role(name: &str, has_name: bool) -> Role {
    match name.to_ascii_lowercase().as_str() {
        "name" => Role::Name,
        "label" if !has_name => Role::Name,
        "lat" | "latitude" => Role::Lat,
        "lon" | "lng" | "longitude" => Role::Lon,
        "note" => Role::Note,
        "groups" => Role::Groups,
        "receptiveness" => Role::Receptiveness(Part::Value),
        "receptiveness_low" => Role::Receptiveness(Part::Low),
        "receptiveness_high" => Role::Receptiveness(Part::High),
        "receptiveness_source" => Role::Receptiveness(Part::Source),
        "receptiveness_year" => Role::Receptiveness(Part::Year),
        _ => Role::Attribute(name.to_owned()),
    }
}

/// Group ids to their members, from the nodes' `groups` values (files without a manifest).
pub(super) type Memberships = IndexMap<String, Vec<String>>;

/// The actors of the nodes, in file order, and the groups their `groups` values name.
pub(super) fn read_actors(
    r: &mut Reader<'_>,
    nodes: Vec<Node>,
    values: &NodeValues<'_>,
    default_year: i32,
) -> (Vec<ActorDoc>, Memberships) {
    let mut actors = Vec::with_capacity(nodes.len());
    let mut members = Memberships::new();
    for (i, node) in nodes.into_iter().enumerate() {
        actors.push(actor(r, i, node, values, default_year, &mut members));
    }
    (actors, members)
}

/// The actor of node `i`.
fn actor(
    r: &mut Reader<'_>,
    i: usize,
    node: Node,
    values: &NodeValues<'_>,
    default_year: i32,
    members: &mut Memberships,
) -> ActorDoc {
    let here = format!("actors[{i}]");
    let what = format!("node `{}`", node.id);
    r.place(here.clone(), node.offset, what.clone());
    let mut a = ActorDoc {
        id: node.id.clone(),
        name: node.id.clone(),
        ..ActorDoc::default()
    };
    let mut rec: HashMap<&'static str, (String, usize)> = HashMap::new();
    for (name, (t, off)) in node.values {
        let shown = values
            .titles
            .get(&name)
            .cloned()
            .unwrap_or_else(|| name.clone());
        let role = match values.exact {
            Some(m) => match m.roles.get(&format!("{NODE_KEY_PREFIX}{name}")) {
                Some(r) => r.clone(),
                None => Role::Attribute(shown.clone()),
            },
            None => node_role(&name, values.has_name),
        };
        let value = Value {
            here: &here,
            what: format!("{what}, {} {shown}", r.term),
            name: &name,
            text: t,
            offset: off,
        };
        match role {
            Role::Groups if values.exact.is_none() => {
                for gname in value
                    .text
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                {
                    members
                        .entry(gname.to_owned())
                        .or_default()
                        .push(node.id.clone());
                }
            }
            Role::Receptiveness(p) => {
                rec.insert(p.name(), (value.text, off));
            }
            role => set(r, &mut a, role, value, values),
        }
    }
    if let Some((_, off)) = rec.get("value") {
        let rw = format!("{what}, {} receptiveness", r.term);
        r.place(format!("{here}.receptiveness"), *off, rw.clone());
        match figure(&rec, r.defaults, default_year) {
            Ok(f) => a.receptiveness = Some(f),
            Err(m) => r.bad(
                *off,
                &rw,
                format!("receptiveness: {m}"),
                "receptiveness parts are numbers in [0, 1] and a year",
            ),
        }
    }
    a
}

/// One named value of a node, with its place.
struct Value<'a> {
    /// The actor's path (`actors[3]`).
    here: &'a str,
    /// The value in messages (`node "AUT", key lat`).
    what: String,
    /// Its name in the file.
    name: &'a str,
    text: String,
    offset: usize,
}

/// Sets the part of actor `a` that `role` names from `v`; derived values (the colour role,
/// `--with` results) are skipped.
fn set(r: &mut Reader<'_>, a: &mut ActorDoc, role: Role, v: Value<'_>, values: &NodeValues<'_>) {
    let field = |f: &str| format!("{}.{f}", v.here);
    let exact = values.exact.is_some();
    match role {
        Role::Name => {
            a.name = v.text;
            r.place(field("name"), v.offset, v.what);
        }
        Role::Lat | Role::Lon => {
            let f = if role == Role::Lat { "lat" } else { "lon" };
            match number(&v.text) {
                Ok(x) => {
                    if role == Role::Lat {
                        a.lat = Some(x);
                    } else {
                        a.lon = Some(x);
                    }
                }
                Err(m) => r.bad(
                    v.offset,
                    &v.what,
                    format!("{f} {m}"),
                    "write the coordinate in degrees, e.g. `48.2`",
                ),
            }
            r.place(field(f), v.offset, v.what);
        }
        Role::Note => {
            a.note = Some(v.text);
            r.place(field("note"), v.offset, v.what);
        }
        Role::Stance if exact => match serde_json::from_str(&v.text) {
            Ok(s) => {
                r.place(field("stance"), v.offset, v.what);
                a.stance = s;
            }
            Err(e) => r.bad(
                v.offset,
                &v.what,
                format!("the stance is not a stance object: {e}"),
                "write the stance as in the native format (docs/FORMAT.md)",
            ),
        },
        Role::Outreach if exact => match serde_json::from_str(&v.text) {
            Ok(o) => {
                r.place(field("outreach"), v.offset, v.what);
                a.outreach = Some(o);
            }
            Err(e) => r.bad(
                v.offset,
                &v.what,
                format!("the outreach is not an outreach object: {e}"),
                "write it as in the native format (docs/FORMAT.md)",
            ),
        },
        Role::Attribute(attr_name) => {
            let ty = values
                .types
                .get(v.name)
                .map_or_else(|| "string".to_owned(), |t| t.to_ascii_lowercase());
            let json = values.exact.is_some_and(|m| {
                m.json_keys
                    .contains(&format!("{NODE_KEY_PREFIX}{}", v.name))
            });
            match typed(&ty, &v.text, json) {
                Ok(x) => {
                    r.place(field(&format!("attributes.{attr_name}")), v.offset, v.what);
                    a.attributes.insert(attr_name, x);
                }
                Err(m) => r.bad(
                    v.offset,
                    &v.what,
                    format!("attribute `{attr_name}` is of type `{ty}`, but {m}"),
                    r.type_hint,
                ),
            }
        }
        _ => {} // derived values: colour role, --with results
    }
}
