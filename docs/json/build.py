#!/usr/bin/env python3
"""Writes the JSON Schemas of leverage's JSON output (docs/JSON.md, version 2), one file per
command, into this folder: `python3 docs/json/build.py`.

The contract is written here by hand, once, from docs/JSON.md; each command's file is
self-contained (its own `$defs`). Objects of the contract are closed (`additionalProperties:
false`): a field that appears, disappears or is renamed fails `tests/schema.rs` (python
jsonschema on real outputs) and `tests/json_contract.rs` (the key sets, in Rust). Maps keyed by
data (channels, bases, measures, groups) are open. Within a version fields may be added (add them
here and in docs/JSON.md), never renamed or removed.
"""

import json
import sys
from pathlib import Path

VERSION = 2


def obj(required, optional=None, **_):
    """A closed object: `required` and `optional` map field names to schemas."""
    props = dict(required)
    props.update(optional or {})
    return {
        "type": "object",
        "properties": props,
        "required": list(required),
        "additionalProperties": False,
    }


def arr(items):
    return {"type": "array", "items": items}


def ref(name):
    return {"$ref": f"#/$defs/{name}"}


def nullable(t):
    return {"type": [t, "null"]}


def open_map(values):
    return {"type": "object", "additionalProperties": values}


NUM = {"type": "number"}
# A share that may be undefined (NaN is written `null`).
SHARE = {"type": "number", "minimum": 0, "maximum": 1}
INT = {"type": "integer", "minimum": 0}
STR = {"type": "string"}
BOOL = {"type": "boolean"}
IDS = arr(STR)
BASIS = {"enum": ["official", "published", "derived", "judgement", "unknown"]}
CITE = {"anyOf": [STR, arr(STR)]}
VERSION_FIELD = {"const": VERSION}
YEAR = {"type": "integer"}
STANCE = {"enum": ["presses", "supports", "between", "unknown"]}
COMBINE = {"enum": ["nested", "noisy-or", "max"]}
# Who may not be suggested, and why (`suggest`, `coalition`).
POOL = obj({
    "left_out": arr(obj({"id": STR, "reason": {"enum": [
        "source", "target", "pressing", "excluded", "not_candidate"]}})),
    "stance_unknown": IDS,
})

DEFS = {
    "channel": obj(
        {"channel": STR, "value": SHARE, "source": STR, "year": {"type": "integer"}, "basis": BASIS},
        {"range": {"type": "array", "items": SHARE, "minItems": 2, "maxItems": 2},
         "cite": arr(STR), "unapplied": SHARE},
    ),
    "tie": obj(
        {"from": STR, "to": STR, "strength": SHARE, "channels": arr(ref("channel"))},
        {"headroom": SHARE},
    ),
    "path": obj({"nodes": IDS, "leverage": SHARE, "cost": NUM, "ties": arr(ref("tie"))}),
    "fact": obj(
        {"text": STR, "source": STR, "year": {"type": "integer"}},
        {"status": {"enum": ["in_force", "signed", "concluded", "negotiating", "frozen"]},
         "basis": BASIS, "cite": CITE},
    ),
    "lever": obj({"source": STR, "channel": STR, "value": SHARE, "basis": BASIS, "about": STR}),
    "partner": obj({
        "rank": INT, "id": STR, "name": STR, "score": NUM, "reach": SHARE,
        "reach_unison": SHARE, "reach_alone": SHARE, "pull": SHARE, "headroom": SHARE,
        "movability": nullable("number"),
        "stance": STANCE,
        "receptiveness": SHARE, "judgement_share": nullable("number"), "brokerage": SHARE,
        "messenger": STR, "path": IDS, "via": IDS, "legs": arr(ref("path")),
        "levers": arr(ref("lever")), "agreements": arr(ref("fact")),
        "concerns": arr(ref("fact")),
    }),
    "ranking": obj({
        "sources": IDS, "target": STR, "score": {"enum": ["outreach", "classic"]},
        "coordination": {"enum": ["unison", "alone"]},
        "distance": {"enum": ["log", "inverse", "hops"]}, "max_hops": INT,
        "combine": COMBINE,
        "movability": obj({"un_opposition": NUM, "war_support": NUM, "alliance": NUM, "parade": NUM}),
        "pool": POOL,
        "partners": arr(ref("partner")),
    }),
    "flip": obj({
        "value": SHARE, "change": NUM, "relative": nullable("number"), "within_range": BOOL,
        "range_multiple": nullable("number"), "left": IDS, "entered": IDS,
    }),
    "figure": obj(
        {
            "figure": {"oneOf": [
                obj({"kind": {"const": "tie"}, "from": STR, "to": STR, "channel": STR}),
                obj({"kind": {"const": "stance"}, "actor": STR, "signal": STR}),
            ]},
            "value": SHARE, "basis": BASIS, "source": STR, "year": YEAR, "cite": arr(STR),
            "partner": nullable("string"),
            "term": {"enum": ["reach", "headroom", "stance", "several"]},
            "top_k": {"anyOf": [{"type": "null"}, ref("flip")]},
            "first": {"anyOf": [{"type": "null"}, ref("flip")]},
        },
        {"range": {"type": "array", "items": SHARE, "minItems": 2, "maxItems": 2}},
    ),
    "dependence": obj({
        "id": STR, "name": STR, "group": BOOL,
        "points": arr(obj({
            "year": YEAR, "value": SHARE, "carried": BOOL, "figure_years": arr(YEAR)})),
    }),
    "structural": obj({
        "top_k": INT, "baseline": IDS,
        "variants": arr(obj({
            "variant": STR,
            "kind": {"enum": ["combine", "basis", "channel", "movability", "coordination"]},
            "top": IDS, "holds_top_k": BOOL, "holds_first": BOOL, "left": IDS, "entered": IDS,
        })),
        "verdict": STR,
    }),
}


# The bodies of `suggest --samples` and `assign`, also nested in `brief` (without `version`).
SAMPLES = {
    "deterministic": ref("ranking"), "samples": INT, "seed": INT, "top_k": INT,
    "uncertain_figures": INT, "distribution": STR,
    "partners": arr(obj({
        "rank": nullable("integer"), "id": STR, "name": STR, "score": NUM,
        "median_rank": NUM,
        "rank_range": {"type": "array", "items": INT, "minItems": 2, "maxItems": 2},
        "p_top_k": SHARE, "median_score": NUM,
        "score_interval": {"type": "array", "items": NUM, "minItems": 2, "maxItems": 2},
    })),
    "stable": IDS, "unstable": IDS, "verdict": STR,
}
ASSIGN = {
    "messengers": IDS, "target": STR, "max_per_messenger": nullable("integer"),
    "assignments": arr(obj({
        "partner": STR, "partner_name": STR, "rank": INT, "score": NUM, "messenger": STR,
        "messenger_name": STR, "leverage": SHARE, "best_messenger": STR,
        "best_leverage": SHARE, "capped": BOOL, "path": IDS, "explanation": ref("path"),
    })),
    "unassigned": IDS, "objective": NUM,
}
# A partner's rank and score before and after scenarios (`compare`, `brief`), and an edit.
CHANGE = obj({
    "id": STR, "name": STR, "rank_before": nullable("integer"),
    "rank_after": nullable("integer"), "score_before": NUM, "score_after": NUM,
    "score_change": NUM, "rank_change": nullable("integer"),
})
EDIT = obj({"edit": STR, "changed": INT})
# What `brief` and `explain` say about one partner, and about an actor left out.
DEFS["sourced"] = obj(
    {"value": SHARE, "year": YEAR, "basis": BASIS, "source": STR, "cite": arr(STR), "by": STR,
     "title": STR},
    {"range": {"type": "array", "items": SHARE, "minItems": 2, "maxItems": 2}},
)
DEFS["partner_facts"] = obj({
    "partner": ref("partner"),
    "spread": {"anyOf": [{"type": "null"}, SAMPLES["partners"]["items"]]},
    "messenger": {"anyOf": [{"type": "null"}, obj({
        "id": STR, "name": STR, "leverage": SHARE, "best": STR, "capped": BOOL})]},
    "dependence": arr(obj({
        "channel": STR, "figure": ref("sourced"), "unapplied": SHARE, "rank": INT, "of": INT})),
    "stance": STANCE,
    "signals": arr(obj({"signal": STR, "figure": ref("sourced")})),
    "routes": arr(ref("path")),
    "scenarios": arr(obj({"scenario": INT, "title": STR, "change": CHANGE})),
})
DEFS["left_out_facts"] = obj(
    {"id": STR, "name": STR, "reason": POOL["properties"]["left_out"]["items"]["properties"]["reason"]},
    {"evidence": ref("sourced")},
)
BRIEF_DEFS = ["ranking", "partner", "path", "tie", "channel", "fact", "lever", "structural",
              "partner_facts", "sourced", "left_out_facts"]
QUESTION = obj({"sources": IDS, "sources_name": STR, "target": STR, "target_name": STR})


def top(fields, optional=None):
    """A command's top-level object: `version` first, then its fields."""
    o = obj({"version": VERSION_FIELD, **fields}, optional)
    return o


def with_version(name):
    """A shared definition as a top-level object (with `version`)."""
    d = json.loads(json.dumps(DEFS[name]))
    d["properties"] = {"version": VERSION_FIELD, **d["properties"]}
    d["required"] = ["version"] + d["required"]
    return d


COMMANDS = {
    "suggest": ("`leverage suggest --format json`", with_version("ranking"), ["ranking", "partner", "path", "tie", "channel", "fact", "lever"]),
    "suggest-samples": ("`leverage suggest --samples N --format json`", top(
        SAMPLES, {"structural": ref("structural")},
    ), ["ranking", "partner", "path", "tie", "channel", "fact", "lever", "structural"]),
    "suggest-structural": ("`leverage suggest --structural --format json`", with_version("structural"), ["structural"]),
    "assign": ("`leverage assign --format json`", top(ASSIGN), ["path", "tie", "channel"]),
    "paths": ("`leverage paths --format json`", top({
        "from": STR, "to": STR, "distance": {"enum": ["log", "inverse", "hops"]},
        "max_hops": nullable("integer"), "avoid": IDS, "paths": arr(ref("path")),
    }), ["path", "tie", "channel"]),
    "centrality": ("`leverage centrality --measure M --format json`", top({
        "measure": STR, "meaning": STR, "params": open_map({}),
        "nodes": arr(obj({"rank": INT, "id": STR, "name": STR, "score": nullable("number")})),
    }), []),
    "centrality-all": ("`leverage centrality --measure all --format json`", top(
        {
            "measures": arr(STR), "params": open_map(open_map({})),
            "nodes": arr(obj({"id": STR, "name": STR, "scores": open_map(nullable("number"))})),
        },
        {"failed": open_map(STR)},
    ), []),
    "compare": ("`leverage compare --format json`", top({
        "scenarios": arr(obj({
            "title": STR, "file": STR, "assumptions": arr(STR),
            "edits": arr(EDIT),
        })),
        "before": ref("ranking"), "after": ref("ranking"),
        "changes": arr(CHANGE),
    }), ["ranking", "partner", "path", "tie", "channel", "fact", "lever"]),
    "roles": ("`leverage roles --format json`", top({
        "target": STR, "partition": arr(STR),
        "actors": arr(obj({
            "rank": INT, "id": STR, "name": STR, "class": STR, "coordinator": INT,
            "itinerant": INT, "representative": INT, "gatekeeper": INT, "liaison": INT,
            "total": INT,
        })),
    }), []),
    "info": ("`leverage info --format json`", top({
        "title": STR, "date": STR, "description": nullable("string"), "actors": INT,
        "ties": INT, "groups": open_map(IDS), "channels": open_map(INT),
        "figures_with_range": INT, "figures": INT,
        "sources": arr(obj({"source": STR, "figures": INT})),
        "years": {"type": ["array", "null"], "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        "by_basis": open_map(INT), "by_channel_and_basis": open_map(open_map(INT)),
        "stances": open_map(open_map(INT)), "citations": INT,
        "series": obj({"ties": INT, "years": arr({"type": "integer"})}),
        "format_version": {"enum": [1, 2]},
    }), []),
    "brief": ("`leverage brief --format json`", top({
        "title": STR, "date": STR, "question": QUESTION, "ranking": ref("ranking"),
        "ranked": INT, "robustness": obj(SAMPLES, {"structural": ref("structural")}),
        "rank_percentiles": {"type": "array", "items": INT, "minItems": 2, "maxItems": 2},
        "assignment": obj(ASSIGN),
        "messengers": arr(obj({"id": STR, "name": STR, "partners": IDS})),
        "partners": arr(ref("partner_facts")),
        "scenarios": arr(obj(
            {"title": STR, "file": STR, "assumptions": arr(STR), "edits": arr(EDIT),
             "changes": arr(CHANGE)},
            {"description": STR},
        )),
        "scenarios_skipped": arr(obj({"title": STR, "file": STR, "why": STR})),
        "left_out": arr(ref("left_out_facts")),
        "caveats": obj({
            "judgement_share": nullable("number"), "judgement_share_top_k": nullable("number"),
            "stale_before": YEAR,
            "stale": arr(obj({"partner": STR, "what": STR, "year": YEAR})),
            "stale_kinds": arr(obj({"what": STR, "year": YEAR, "partners": IDS})),
            "stance_unknown": IDS,
        }),
    }), BRIEF_DEFS),
    "explain": ("`leverage explain PARTNER --format json`", top(
        {
            "question": QUESTION, "ranked": INT,
            "robustness": obj({"samples": INT, "seed": INT, "top_k": INT, "uncertain_figures": INT}),
        },
        {"partner": ref("partner_facts"), "left_out": ref("left_out_facts"), "unranked": STR},
    ), [d for d in BRIEF_DEFS if d not in ("ranking", "structural")]),
    "actors": ("`leverage actors --format json`", top({
        "target": nullable("string"),
        "actors": arr(obj({
            "id": STR, "name": STR, "groups": IDS, "stance": STANCE,
            "signals": open_map(NUM), "ties_out": INT, "ties_in": INT,
        })),
    }), []),
    "validate": ("`leverage validate --format json`", top({
        "valid": BOOL, "problem_count": INT,
        "inputs": arr(obj({
            "kind": {"enum": ["graph", "scenario", "options"]}, "file": STR, "valid": BOOL,
            "counts": open_map(INT), "omitted": INT,
        })),
        "problems": arr(obj({
            "input": INT, "file": STR, "line": nullable("integer"),
            "column": nullable("integer"), "path": nullable("string"), "message": STR,
            "hint": nullable("string"),
        })),
    }), []),
    "lifelines": ("`leverage lifelines --format json`", top({
        "target": STR, "max_hops": INT, "combine": COMBINE, "cut": SHARE,
        "family": nullable("string"), "include_pressing": BOOL, "world": INT,
        "left_out": IDS, "support": NUM,
        "families": arr(obj({"family": STR, "support": NUM})),
        "alone": arr(obj({
            "rank": INT, "id": STR, "name": STR, "stance": STANCE, "leverage": SHARE,
            "direct": SHARE, "support_without": NUM, "drop": NUM, "through": NUM,
            "family_drops": arr(obj({"family": STR, "drop": NUM})),
            "judgement_share": nullable("number"),
        })),
        "greedy": arr(obj({
            "step": INT, "id": STR, "name": STR, "support_after": NUM, "drop": NUM,
            "cumulative_drop": NUM, "rank_alone": nullable("integer"),
        })),
    }), []),
    "coalition": ("`leverage coalition --format json`", top({
        "sources": IDS, "target": STR, "k": INT, "max_hops": INT, "combine": COMBINE,
        "pool": POOL, "candidates": INT,
        "members": arr(obj({
            "order": INT, "id": STR, "name": STR, "rank": INT, "score": NUM, "gain": NUM,
            "families": arr(obj({"family": STR, "pressure": NUM})), "messenger": STR,
        })),
        "pressure": SHARE, "sum_of_scores": NUM,
        "families": arr(obj({"family": STR, "pressure": SHARE, "sum": NUM})),
        "guarantee": NUM, "upper_bound": NUM,
        "exact": {"anyOf": [{"type": "null"}, obj({
            "members": IDS, "pressure": SHARE, "gap": NUM, "subsets": INT})]},
    }), []),
    "blocs": ("`leverage blocs --format json`", top({
        "method": {"enum": ["leiden", "louvain"]}, "seed": INT, "resolution": NUM,
        "restarts": INT, "modularity": NUM, "directed_modularity": NUM, "iterations": INT,
        "converged": BOOL, "default_parameters": BOOL,
        "blocs": arr(obj({
            "bloc": INT, "id": STR, "members": IDS,
            "resembles": {"anyOf": [{"type": "null"}, obj({
                "group": STR, "shared": INT, "group_size": INT})]},
        })),
    }), []),
    "sensitivity": ("`leverage sensitivity --format json`", top({
        "sources": IDS, "target": STR, "top_k": INT, "max_hops": INT,
        "method": {"enum": ["local", "rerun"]}, "top": IDS, "next": nullable("string"),
        "scores": arr(NUM), "figures": INT, "deciding": arr(ref("figure")),
        "by_basis": arr(obj({"basis": BASIS, "within_range": INT, "deciding": INT})),
    }), ["figure", "flip"]),
    "trend": ("`leverage trend --format json`", top({
        "sources": IDS, "target": STR, "years": arr(YEAR),
        "selections": arr(obj({
            "year": YEAR, "exact": INT, "carried_forward": INT, "carried_back": INT})),
        "partners": arr(obj({
            "id": STR, "name": STR,
            "points": arr(obj({
                "year": YEAR, "rank": nullable("integer"), "score": NUM, "reach": SHARE,
                "pull": SHARE, "headroom": SHARE,
            })),
        })),
        "dependence": arr(obj({
            "channel": nullable("string"), "partners": arr(ref("dependence")),
            "groups": arr(ref("dependence")),
        })),
    }), ["dependence"]),
}


def main():
    # `build.py DIR` writes into DIR instead (the tests compare it with the files here).
    here = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    for name, (title, schema, defs) in COMMANDS.items():
        doc = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"{title}, JSON contract version {VERSION}",
            "description": "Built by docs/json/build.py from docs/JSON.md; do not edit by hand.",
            **schema,
        }
        if defs:
            doc["$defs"] = {d: DEFS[d] for d in defs}
        (here / f"{name}.schema.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
