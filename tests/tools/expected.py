"""The expected graph, computed from a native leverage JSON file independently of leverage.

A tie's weight follows docs/MODEL.md, "Overlapping channels", with the default `nested` rule:
the strongest channel of each family (channels that measure one flow: the built-in economic
family `trade`, `energy`, `dual_use`, `food`, `finance`, or the family a graph declares in its
`channels` table; any other channel is its own family), then the noisy-OR across families,
1 - prod(1 - m_f), accumulated as acc + m (1 - acc). A channel holding a yearly series (an array)
uses its latest figure, the last one.
"""
import json

ECONOMIC = {"trade", "energy", "dual_use", "food", "finance"}


def family(channel, declared):
    fam = (declared.get(channel) or {}).get("family")
    if fam:
        return fam
    return "economic" if channel in ECONOMIC else channel


def latest(fig):
    return fig[-1] if isinstance(fig, list) else fig


def weight(channels, declared):
    best = {}
    order = []
    for c, fig in channels.items():
        f = family(c, declared)
        v = latest(fig)["value"]
        if f not in best:
            order.append(f)
            best[f] = v
        else:
            best[f] = max(best[f], v)
    acc = 0.0
    for f in order:
        acc += best[f] * (1.0 - acc)
    return acc


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    declared = doc.get("channels", {})
    actors = {a["id"]: a for a in doc["actors"]}
    ties = {}
    for t in doc.get("ties", []):
        channels = {c: latest(fig) for c, fig in t["channels"].items()}
        ties[(t["from"], t["to"])] = {
            "weight": weight(t["channels"], declared),
            "channels": channels,
            "note": t.get("note"),
        }
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
