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
    load_all(ties, actors, None)
}

/// Reads a ties table with an actors table (`a.csv`) and a graph file (`g.json`).
fn load_all(ties: &str, actors: Option<&str>, graph: Option<&str>) -> Result<InfluenceGraph> {
    parse(
        ties,
        actors.map(|a| (a, "a.csv")),
        graph.map(|g| (g, "g.json")),
        &defaults(),
        &LoadOptions::default(),
    )
}

/// The channel names of each tie, in its order.
fn channel_orders(g: &InfluenceGraph) -> Vec<Vec<String>> {
    g.ties()
        .map(|(_, _, _, t)| t.channels.keys().map(ToString::to_string).collect())
        .collect()
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
    let actors = "id,name,lat,lon,receptiveness\nDEU,Germany,95,13.4,0.5\nRUS,Russia,55.8,37.6,1.5\n?!,X,,,\n";
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
        // (`bad id` would be made safe; `?!` has nothing safe in it.)
        e.contains("a.csv:4 (row 4, column `id`): actor id `?!`"),
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

// See: #16
#[test]
fn a_ties_own_channel_order_is_read_from_channel_order() {
    let ties = "from,to,energy,trade,channel_order\nDEU,RUS,0.1,0.2,\"trade, energy\"\nTUR,RUS,0.3,0.4,\nIND,RUS,,0.5,trade\n";
    let g = load(ties, None).unwrap();
    assert_eq!(
        channel_orders(&g),
        [
            vec!["trade", "energy"],
            vec!["energy", "trade"],
            vec!["trade"]
        ]
    );
    // The figures stay with their channels.
    let first = g.ties().next().unwrap().3;
    assert_eq!(first.channels["trade"].value, 0.2);
    assert_eq!(first.channels["energy"].value, 0.1);
    for bad in ["trade", "trade,trade", "trade,energy,food", "trade,food"] {
        let ties = format!("from,to,energy,trade,channel_order\nDEU,RUS,0.1,0.2,\"{bad}\"\n");
        let e = load(&ties, None).unwrap_err().to_string();
        assert!(
            e.contains("t.csv:2 (row 2, column `channel_order`): channel_order"),
            "{bad}: {e}"
        );
        assert!(e.contains("(energy, trade) once each"), "{bad}: {e}");
    }
}

// See: #16
#[test]
fn a_series_is_read_and_must_end_with_the_rows_figure() {
    let series = r#"{""trade"":[{""value"":0.2,""source"":""a"",""year"":2021},{""value"":0.3,""source"":""b"",""year"":2023}]}"#;
    let ties =
        format!("from,to,trade,trade_source,trade_year,series\nDEU,RUS,0.3,b,2023,\"{series}\"\n");
    let g = load(&ties, None).unwrap();
    let tie = g.ties().next().unwrap().3;
    let all = tie.series.as_deref().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].0.as_str(), "trade");
    let years: Vec<i32> = all[0].1.iter().map(|f| f.year).collect();
    assert_eq!(years, [2021, 2023]);
    assert_eq!(tie.channels["trade"].value, 0.3);
    // The row's figure is another one than the series' latest.
    let ties =
        format!("from,to,trade,trade_source,trade_year,series\nDEU,RUS,0.4,b,2023,\"{series}\"\n");
    let e = load(&ties, None).unwrap_err().to_string();
    assert!(
        e.contains("row 2, column `series`): the series of channel `trade` does not end with the row's figure"),
        "{e}"
    );
    // A series of a channel the row lacks, and one that is no series.
    let ties = format!("from,to,energy,series\nDEU,RUS,0.4,\"{series}\"\n");
    let e = load(&ties, None).unwrap_err().to_string();
    assert!(
        e.contains("the series has channel `trade`, but the row has no figure for it"),
        "{e}"
    );
    let ties = "from,to,trade,series\nDEU,RUS,0.4,[1]\n";
    let e = load(ties, None).unwrap_err().to_string();
    assert!(
        e.contains("column `series`): the series is not channel -> figures"),
        "{e}"
    );
}

// See: #16
#[test]
fn stance_outreach_and_a_full_receptiveness_are_read_from_the_actors_table() {
    let ties = "from,to,trade\nDEU,RUS,0.1\n";
    let stance = r#"{""RUS"":{""sanctions"":{""value"":0.0,""source"":""s"",""year"":2022}}}"#;
    let actors = format!(
        "id,name,stance,receptiveness,receptiveness_source,receptiveness_year,receptiveness_basis,extra\nDEU,Germany,\"{stance}\",0.5,src,2024,judgement,\"[1, \"\"k\"\"]\"\nRUS,Russia,,,,,,\n"
    );
    let g = load(ties, Some(&actors)).unwrap();
    let deu = g.actor_by_id("DEU").unwrap();
    assert_eq!(
        deu.stance
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>(),
        ["RUS"]
    );
    let r = deu.receptiveness.as_ref().unwrap();
    assert_eq!((r.value, &*r.source, r.year), (0.5, "src", 2024));
    assert_eq!(r.basis.name(), "judgement");
    // The stance and the receptiveness' basis are no attributes.
    assert_eq!(deu.attributes["extra"], serde_json::json!([1, "k"]));
    assert_eq!(deu.attributes.len(), 1);
    let actors = "id,stance\nDEU,neutral\nRUS,\n";
    let e = load(ties, Some(actors)).unwrap_err().to_string();
    assert!(
        e.contains("a.csv:2 (row 2, column `stance`): the stance is not a stance object"),
        "{e}"
    );
}

/// A graph file as leverage's CSV export writes it, with `keys` given.
fn graph_file(keys: &str, groups: &str) -> String {
    format!(
        r#"{{"format": "leverage-csv", "version": 1,
  "graph": {{"title": "T", "date": "2021-03-04", "notes": ["n"], "version": 2,
    "citations": {{"c1": {{"publisher": "P", "title": "A citation", "year": 2020}}}},
    "groups": {groups}}},
  "keys": {keys}, "json_keys": {{}}}}"#
    )
}

// See: #16
#[test]
fn the_graph_file_gives_the_graph_level_parts_and_the_columns_roles() {
    let ties = "Source,Target,Type,Weight,trade,trade_cite\nDEU,RUS,Directed,0.1,0.1,c1\n";
    let actors = "Id,Label,groups,role,attr_name,score\nDEU,Germany,ignored,source,x,0.5\nRUS,Russia,,target,,\n";
    let keys = r#"{"n_Label": "name", "n_groups": "groups", "n_role": "role", "n_attr_name": "attribute:name", "n_score": "annotation:score", "e_Weight": "weight", "e_trade": "channel:value:trade", "e_trade_cite": "channel:cite:trade"}"#;
    let groups = r#"[{"id": "g", "name": "The G", "members": ["RUS", "DEU"], "lead": "DEU"}]"#;
    let g = load_all(ties, Some(actors), Some(&graph_file(keys, groups))).unwrap();
    assert_eq!(g.meta.title, "T");
    assert_eq!(g.meta.date, "2021-03-04");
    assert_eq!(g.meta.notes, ["n"]);
    assert!(g.citations.contains_key("c1"));
    let groups: Vec<_> = g.groups().collect();
    assert_eq!(groups.len(), 1, "the `groups` column is derived here");
    assert_eq!(groups[0].name.as_deref(), Some("The G"));
    assert_eq!(
        groups[0]
            .members
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["RUS", "DEU"]
    );
    let deu = g.actor_by_id("DEU").unwrap();
    // `attr_name` is the attribute `name`, renamed by the export; derived columns are not read.
    assert_eq!(
        deu.attributes.keys().collect::<Vec<_>>(),
        ["name"],
        "{:?}",
        deu.attributes
    );
    let tie = g.ties().next().unwrap().3;
    assert_eq!(tie.channels["trade"].cite.ids().collect::<Vec<_>>(), ["c1"]);
    // Without the graph file the same tables read as another tool's: the citation is unknown.
    let e = load(ties, Some(actors)).unwrap_err().to_string();
    assert!(
        e.contains("t.csv:2 (row 2, column `trade`): citation `c1` is not in `citations`"),
        "{e}"
    );
    let ties = "Source,Target,Type,Weight,trade\nDEU,RUS,Directed,0.1,0.1\n";
    let g = load(ties, Some(actors)).unwrap();
    let names: Vec<&String> = g.actor_by_id("DEU").unwrap().attributes.keys().collect();
    assert_eq!(names, ["role", "attr_name", "score"]);
}

// See: #16
#[test]
fn problems_in_the_graph_files_parts_are_placed_in_it() {
    let ties = "from,to,weight\nDEU,RUS,0.1\n";
    let groups = r#"[{"id": "g", "members": ["DEU", "XXX"]}]"#;
    let e = load_all(ties, None, Some(&graph_file("{}", groups)))
        .unwrap_err()
        .to_string();
    // Line 4 of the graph file, in the group's members.
    assert!(e.contains("g.json:4:"), "{e}");
    assert!(e.contains("graph.groups[0].members[1]"), "{e}");
    // A graph file of another format, or not a manifest.
    let other = graph_file("{}", "[]").replace("leverage-csv", "leverage-gexf");
    let e = load_all(ties, None, Some(&other)).unwrap_err().to_string();
    assert!(e.contains("g.json:1:"), "{e}");
    assert!(
        e.contains("the graph file's `format` is `leverage-gexf`"),
        "{e}"
    );
    let e = load_all(ties, None, Some(r#"{"format": "leverage-csv"}"#))
        .unwrap_err()
        .to_string();
    assert!(e.contains("g.json"), "{e}");
}

/// A tie as `(from, to, [(channel, figure)])`.
type TieFigures = (String, String, Vec<(String, crate::model::Figure)>);

/// Every tie, in graph order.
fn figures_of(g: &InfluenceGraph) -> Vec<TieFigures> {
    g.ties()
        .map(|(_, f, t, tie)| {
            (
                g.actor(f).id.to_string(),
                g.actor(t).id.to_string(),
                tie.channels
                    .iter()
                    .map(|(c, fig)| (c.to_string(), fig.clone()))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn a_long_table_loads_as_the_equivalent_wide_one() {
    let long = "from,to,channel,weight,low,high,year,source,basis,note\n\
        CHN,RUS,trade,0.338,0.3,0.35,2023,GACC customs,official,\n\
        IND,RUS,trade,0.091,,,2023,,,\n\
        CHN,RUS,energy,0.2,,,2024,IEA,published,pipeline gas\n";
    let wide = "from,to,trade,trade_low,trade_high,trade_year,trade_source,trade_basis,energy,energy_year,energy_source,energy_basis,note\n\
        CHN,RUS,0.338,0.3,0.35,2023,GACC customs,official,0.2,2024,IEA,published,pipeline gas\n\
        IND,RUS,0.091,,,2023,,,,,,,\n";
    let (l, w) = (load(long, None).unwrap(), load(wide, None).unwrap());
    assert_eq!(figures_of(&l), figures_of(&w));
    // By hand: two ties; CHN -> RUS has both channels, in the order of their first rows.
    let ties = figures_of(&l);
    assert_eq!(ties.len(), 2);
    assert_eq!((ties[0].0.as_str(), ties[0].1.as_str()), ("CHN", "RUS"));
    let chn: Vec<&str> = ties[0].2.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(chn, ["trade", "energy"]);
    let trade = &ties[0].2[0].1;
    assert_eq!(trade.value, 0.338);
    assert_eq!(trade.range, Some([0.3, 0.35]));
    assert_eq!(&*trade.source, "GACC customs");
    assert_eq!(trade.basis, crate::model::Basis::Official);
    let energy = &ties[0].2[1].1;
    assert_eq!((energy.value, energy.year), (0.2, 2024));
    let (c, r) = (l.node_of("CHN").unwrap(), l.node_of("RUS").unwrap());
    assert_eq!(l.tie(c, r).unwrap().note.as_deref(), Some("pipeline gas"));
    let ind = &ties[1].2[0].1;
    assert_eq!(&*ind.source, "imported from t.csv, no source given");
    // `value` is the value column's other name.
    let g = load("from,to,channel,value\nCHN,RUS,trade,0.3\n", None).unwrap();
    assert_eq!(figures_of(&g)[0].2[0].1.value, 0.3);
}

#[test]
fn long_table_errors_name_row_and_column() {
    let e = load(
        "from,to,channel,weight\n\
         CHN,RUS,trade,0.3\n\
         CHN,RUS,Energy Share,0.2\n\
         CHN,RUS,trade,0.1\n\
         IND,RUS,energy,\n\
         IND,RUS,energy,1.5\n",
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("t.csv:3 (row 3, column `channel`): `Energy Share` is not a channel name"),
        "{e}"
    );
    assert!(
        e.contains("t.csv:4 (row 4, column `channel`): the tie `CHN` -> `RUS` has channel `trade` twice: rows 2 and 4"),
        "{e}"
    );
    assert!(
        e.contains("t.csv:5 (row 5, column `weight`): the row has no value"),
        "{e}"
    );
    // A value out of range is placed at its own row, not the tie's first.
    let e = load(
        "from,to,channel,weight\nCHN,RUS,trade,0.3\nCHN,RUS,energy,1.5\n",
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("t.csv:3 (row 3, column `weight`)"), "{e}");
    assert!(e.contains("1.5"), "{e}");
    // No value column; a column of the wide layout.
    let e = load("from,to,channel\nCHN,RUS,trade\n", None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("no value column `weight` or `value`"), "{e}");
    let e = load(
        "from,to,channel,weight,trade\nCHN,RUS,trade,0.3,0.2\n",
        None,
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("column `trade` is not a column of a long ties table"),
        "{e}"
    );
}

#[test]
fn ids_with_spaces_are_made_safe_in_both_tables() {
    // Without an actors table: the ties name the actors.
    let g = load("from,to,weight\nSouth Korea,Russia,0.4\n", None).unwrap();
    let kor = g.node_of("South_Korea").unwrap();
    assert_eq!(g.actor(kor).name, "South Korea");
    assert_eq!(
        ties_of(&g),
        [("South_Korea".to_owned(), "Russia".to_owned(), 0.4)]
    );
    assert!(g.meta.notes.iter().any(|n| n.ends_with(
        "ids made safe (letters, digits, `-`, `_`, `.`): `South Korea` -> `South_Korea`"
    )));
    // With one: its ids, names and groups, and the ties naming them.
    let g = load(
        "from,to,weight\nSouth Korea,Russia,0.4\n",
        Some("id,name,groups\nSouth Korea,,asia\nRussia,Russian Federation,\n"),
    )
    .unwrap();
    let kor = g.node_of("South_Korea").unwrap();
    assert_eq!(g.actor(kor).name, "South Korea");
    assert_eq!(g.tie_count(), 1);
    let asia = g.group("asia").unwrap();
    assert_eq!(asia.members.len(), 1);
    assert_eq!(asia.members[0].as_str(), "South_Korea");
}
