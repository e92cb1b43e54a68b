"""The expected graph, computed from a native leverage JSON file independently of leverage.

A tie's weight is the noisy-OR of its channel values, 1 - prod(1 - v) (docs/FORMAT.md,
default emphasis), accumulated as leverage does (acc + v (1 - acc)).
"""
import json


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    actors = {a["id"]: a for a in doc["actors"]}
    ties = {}
    for t in doc.get("ties", []):
        acc = 0.0
        for fig in t["channels"].values():
            acc += fig["value"] * (1.0 - acc)
        ties[(t["from"], t["to"])] = {"weight": acc, "channels": t["channels"], "note": t.get("note")}
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
