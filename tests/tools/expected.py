"""The expected graph, computed from a native leverage JSON file independently of leverage.

A tie's weight follows the default rule `nested` (docs/FORMAT.md, "Aggregate strength"): the
strongest channel of each family, then the noisy-OR across families, 1 - prod_f (1 - max_f),
accumulated as leverage does (acc + v (1 - acc)). A channel's family is its declaration in the
graph's `channels` table, else `economic` for trade, energy, dual_use, food and finance, else its
own name. A channel holding a yearly series uses its latest figure (docs/FORMAT.md, "Series").
"""
import json

ECONOMIC = {"trade", "energy", "dual_use", "food", "finance"}


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    actors = {a["id"]: a for a in doc["actors"]}
    declared = {c: d.get("family") for c, d in doc.get("channels", {}).items()}

    def family(ch):
        return declared.get(ch) or ("economic" if ch in ECONOMIC else ch)

    ties = {}
    for t in doc.get("ties", []):
        channels = {ch: (v[-1] if isinstance(v, list) else v) for ch, v in t["channels"].items()}
        best = {}
        for ch, fig in channels.items():
            best[family(ch)] = max(best.get(family(ch), 0.0), fig["value"])
        acc = 0.0
        for v in best.values():
            acc += v * (1.0 - acc)
        ties[(t["from"], t["to"])] = {"weight": acc, "channels": channels, "note": t.get("note")}
    groups = {g["id"]: g["members"] for g in doc.get("groups", [])}
    return doc, actors, ties, groups


class Checker:
    def __init__(self, label):
        self.label = label
        self.errors = []

    def eq(self, what, got, want):
        if isinstance(want, float) or isinstance(got, float):
            try:
                ok = abs(float(got) - float(want)) <= 1e-9 * max(1.0, abs(float(want)))
            except (TypeError, ValueError):
                ok = False
        else:
            ok = got == want
        if not ok and len(self.errors) < 20:
            self.errors.append(f"{self.label}: {what}: got {got!r}, want {want!r}")
        return ok

    def done(self):
        if self.errors:
            raise SystemExit("\n".join(self.errors))
