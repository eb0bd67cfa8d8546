"""Would a sequence labeller beat the rules?  Measured leave-one-text-out.

A linear-chain CRF (python-crfsuite) over the blocks of each text, with
shape features only (length, lines, sentences, end mark, share of capitals,
dates, contact details, position, the neighbours' types and lengths), is
trained on all development texts but one and retypes the blocks of the one
left out that the weakest rules typed (paragraph, slogan, acknowledgement)
as paragraph, caption, slogan or acknowledgement.  The script prints the
rules' figures and the CRF's side by side for a few regularization
settings.  The detector ships the CRF only if it wins here; so far it has
not (see the closing note of the structure issue).

usage: pip install python-crfsuite; python benchmarks/try_crf_labeller.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_structure as ev

RETYPED = {"paragraph", "slogan", "acknowledgement"}
TARGETS = {"captions": "caption", "slogans": "slogan", "acknowledgements": "acknowledgement"}
SETTINGS = ((0.1, 0.01), (0.5, 0.05), (1.0, 0.1))


def bucket(n: int, edges: tuple[int, ...]) -> str:
    return next((str(e) for e in edges if n <= e), "more")


def features(blocks: list[Any], k: int) -> dict[str, float]:
    from edition.segment.dates import find_dates
    from edition.segment.shapes import CONTACT, capitalized_share, is_name_like, sentences

    b = blocks[k]
    t = b.text.strip()
    share = capitalized_share(t)
    f = {f"type={b.type}", f"rule={b.rule}", f"words={bucket(len(t.split()), (1, 3, 6, 10, 15, 25, 40, 80))}",
         f"lines={bucket(len(b.spans), (1, 2, 4))}", f"sentences={bucket(sentences(t), (1, 2, 3))}",
         f"end={t[-1] if t and not t[-1].isalnum() else 'letter'}",
         f"capitals={'none' if share is None else bucket(int(share * 10), (2, 5, 8, 10))}",
         f"position={bucket(int(10 * k / max(1, len(blocks))), (0, 2, 5, 8, 9))}"}
    if find_dates(t):
        f.add("date")
    if CONTACT.search(t):
        f.add("contact")
    if is_name_like(t):
        f.add("name-like")
    for step, name in ((-2, "prev2"), (-1, "prev"), (1, "next"), (2, "next2")):
        j = k + step
        if 0 <= j < len(blocks):
            f |= {f"{name}.type={blocks[j].type}", f"{name}.words={bucket(len(blocks[j].text.split()), (3, 10, 25, 80))}"}
        else:
            f.add(f"{name}=none")
    return dict.fromkeys(f, 1.0)


def target(score: Any, block: Any, wanted: dict[str, list[str]]) -> str:
    if block.type not in RETYPED:
        return str(block.type)
    for field, type_ in TARGETS.items():
        if any(score.matches(w, block.text) for w in wanted[field]):
            return type_
    return "paragraph"


def retyped(explain: dict[str, Any], blocks: list[Any], predicted: list[str]) -> dict[str, Any]:
    out = json.loads(json.dumps(explain))
    flat = [b for unit in out["units"] for b in unit["blocks"]]
    for data, block, label in zip(flat, blocks, predicted, strict=True):
        if block.type in RETYPED and label in RETYPED | {"caption"}:
            data["type"] = label
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ev.SHARED / "corpus")
    args = parser.parse_args()
    try:
        import pycrfsuite
    except ImportError:
        raise SystemExit("try_crf_labeller: needs python-crfsuite (pip install python-crfsuite)") from None
    score = ev.scorer()
    texts = [p for p in sorted(args.corpus.glob("*.txt")) if p.stem not in ev.SPLIT["dev_test"]
             and p.with_name(p.stem + ".expected.json").is_file()]
    data = {}
    for text in texts:
        explain, blocks, _ = ev._run(text)
        labels = ev.labels_of(text)
        wanted = {f: [s for d in labels["documents"] for s in d.get(f, [])] for f in score.CATEGORIES}
        data[text] = (explain, blocks, [features(blocks, k) for k in range(len(blocks))],
                      [target(score, b, wanted) for b in blocks], labels)
    print(f"{'':24}{'captions':>18}{'slogans':>18}{'acknowledgements':>18}{'paragraph error':>18}")
    for c1, c2 in SETTINGS:
        rules, crf = ev.Tally(score), ev.Tally(score)
        for text in texts:
            trainer = pycrfsuite.Trainer(verbose=False)
            for other in texts:
                if other != text:
                    trainer.append(data[other][2], data[other][3])
            trainer.set_params({"c1": c1, "c2": c2, "max_iterations": 200})
            fd, model = tempfile.mkstemp(suffix=".crfsuite")
            os.close(fd)
            try:
                trainer.train(model)
                tagger = pycrfsuite.Tagger()
                tagger.open(model)
                explain, blocks, x, _, labels = data[text]
                predicted = tagger.tag(x)
            finally:
                os.unlink(model)
            rules.add(labels, explain)
            crf.add(labels, retyped(explain, blocks, predicted))
        a, b = rules.summary(), crf.summary()
        row = f"c1={c1:<4} c2={c2:<5} rules/CRF"
        for field in TARGETS:
            row += f"{a['categories'][field]['f1']:>10.2f} {b['categories'][field]['f1']:>6.2f} "
        row += f"{a['paragraph_count_error']:>10.0%} {b['paragraph_count_error']:>6.0%}"
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
