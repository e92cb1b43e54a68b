//! Unit tests of `src/io/csv/`: the ties reach the right actors, whatever the order of the
//! actors table, and fields are read as a spreadsheet writes them.

use super::*;

fn defaults() -> ImportDefaults {
    ImportDefaults {
        file: "t.csv".into(),
        title: "t".into(),
        date: "2024-05-01".into(),
    }
}

fn load(ties: &str, actors: Option<&str>) -> Result<InfluenceGraph> {
    parse(
        ties,
        actors.map(|a| (a, "a.csv")),
        &defaults(),
        &LoadOptions::default(),
    )
}

/// `(from, to, weight)` of every tie, in graph order.
fn ties_of(g: &InfluenceGraph) -> Vec<(String, String, f64)> {
    g.ties()
        .map(|(_, f, t, tie)| {
            (
                g.actor(f).id.to_string(),
                g.actor(t).id.to_string(),
                tie.channels["weight"].value,
            )
        })
        .collect()
}

#[test]
fn ties_reach_their_actors_whatever_the_actors_table_order() {
    let ties = "from,to,weight\nDEU,RUS,0.1\nTUR,RUS,0.2\nRUS,DEU,0.3\nIND,TUR,0.4\n";
    // The actors table lists the actors in another order than the ties mention them.
    let actors = "id,name\nRUS,Russia\nIND,India\nTUR,Turkey\nDEU,Germany\n";
    let g = load(ties, Some(actors)).unwrap();
    let ids: Vec<&str> = g.actors().map(|(_, a)| a.id.as_str()).collect();
    assert_eq!(ids, ["RUS", "IND", "TUR", "DEU"]);
    assert_eq!(g.actor_by_id("DEU").unwrap().name, "Germany");
    assert_eq!(
        ties_of(&g),
        [
            ("DEU".into(), "RUS".into(), 0.1),
            ("TUR".into(), "RUS".into(), 0.2),
            ("RUS".into(), "DEU".into(), 0.3),
            ("IND".into(), "TUR".into(), 0.4),
        ]
    );
    // Without an actors table: actors in order of first mention.
    let g = load(ties, None).unwrap();
    let ids: Vec<&str> = g.actors().map(|(_, a)| a.id.as_str()).collect();
    assert_eq!(ids, ["DEU", "RUS", "TUR", "IND"]);
    assert_eq!(ties_of(&g)[3], ("IND".into(), "TUR".into(), 0.4));
}

#[test]
fn a_repeated_actor_keeps_its_first_entry_and_an_unlisted_one_is_unknown() {
    let ties = "from,to,weight\nDEU,RUS,0.1\n";
    // DEU is listed twice: the repeat is refused, and the tie must not point at it.
    let actors = "id,name\nRUS,Russia\nDEU,Germany\nDEU,Germany again\n";
    let e = load(ties, Some(actors)).unwrap_err().to_string();
    assert!(e.contains("actor id `DEU` is used twice"), "{e}");
    let actors = "id,name\nRUS,Russia\n";
    let e = load(ties, Some(actors)).unwrap_err().to_string();
    assert!(e.contains("unknown actor `DEU`"), "{e}");
    assert!(e.contains("row 2, column `from`"), "{e}");
}

#[test]
fn ids_longer_than_fifteen_bytes_and_short_ones_are_kept_apart() {
    // Ids of up to 15 bytes are packed into integers, longer ones are not: both kinds, and
    // ids that share a prefix, must stay distinct.
    let long = "ministry-of-foreign-affairs";
    let ties = format!(
        "from,to,weight\n{long},RUS,0.1\nministry-of-for,RUS,0.2\n{long}-x,RUS,0.3\n{long},ministry-of-for,0.4\n"
    );
    let g = load(&ties, None).unwrap();
    let ids: Vec<&str> = g.actors().map(|(_, a)| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            long,
            "RUS",
            "ministry-of-for",
            "ministry-of-foreign-affairs-x"
        ]
    );
    assert_eq!(g.tie_count(), 4);
    assert_eq!(ties_of(&g)[3], (long.into(), "ministry-of-for".into(), 0.4));
}

#[test]
fn fields_are_trimmed_and_blank_rows_skipped() {
    let ties = "from , to ,weight\n DEU , RUS , 0.1 \n  ,  ,  \n\"TUR \",RUS,0.2\n";
    let g = load(ties, None).unwrap();
    assert_eq!(
        ties_of(&g),
        [
            ("DEU".into(), "RUS".into(), 0.1),
            ("TUR".into(), "RUS".into(), 0.2)
        ]
    );
}

#[test]
fn an_undirected_row_is_a_tie_each_way_forward_first() {
    let ties = "from,to,weight,type\nDEU,RUS,0.1,undirected\nTUR,RUS,0.2,\n";
    let g = load(ties, None).unwrap();
    assert_eq!(
        ties_of(&g),
        [
            ("DEU".into(), "RUS".into(), 0.1),
            ("RUS".into(), "DEU".into(), 0.1),
            ("TUR".into(), "RUS".into(), 0.2),
        ]
    );
    // A duplicate made by the reverse tie is reported at the row that made it.
    let ties = "from,to,weight,type\nDEU,RUS,0.1,undirected\nRUS,DEU,0.2,\n";
    let e = load(ties, None).unwrap_err().to_string();
    assert!(e.contains("t.csv:3 (row 3)"), "{e}");
    assert!(e.contains("second tie `RUS` -> `DEU`"), "{e}");
}

#[test]
fn one_citation_is_shared_not_copied() {
    let ties = "from,to,weight,citation\nDEU,RUS,0.1,Eurostat 2024\nTUR,RUS,0.2,Eurostat 2024\nIND,RUS,0.3,\n";
    let g = load(ties, None).unwrap();
    let sources: Vec<std::sync::Arc<str>> = g
        .ties()
        .map(|(_, _, _, t)| t.channels["weight"].source.clone())
        .collect();
    assert_eq!(&*sources[0], "Eurostat 2024");
    assert!(std::sync::Arc::ptr_eq(&sources[0], &sources[1]));
    assert_eq!(&*sources[2], "imported from t.csv, no source given");
}

#[test]
fn problems_in_the_actors_table_are_placed_in_it() {
    let ties = "from,to,weight\nDEU,RUS,0.1\n";
    let actors = "id,name,lat,lon,receptiveness\nDEU,Germany,95,13.4,0.5\nRUS,Russia,55.8,37.6,1.5\nbad id,X,,,\n";
    let e = load(ties, Some(actors)).unwrap_err().to_string();
    // Rules broken by a field point at its column; by the actor as a whole, at its row.
    assert!(
        e.contains("a.csv:2 (row 2, column `lat`): latitude is `95`"),
        "{e}"
    );
    assert!(
        e.contains("a.csv:3 (row 3, column `receptiveness`): receptiveness is `1.5`"),
        "{e}"
    );
    assert!(
        e.contains("a.csv:4 (row 4, column `id`): actor id `bad id`"),
        "{e}"
    );
    // Without a `lat` column, a place under it falls back to the row.
    let actors = "id,name\nDEU,Germany\nDEU,Again\nRUS,Russia\n";
    let e = load(ties, Some(actors)).unwrap_err().to_string();
    assert!(
        e.contains("a.csv:3 (row 3, column `id`): actor id `DEU` is used twice"),
        "{e}"
    );
}
