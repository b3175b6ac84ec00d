"""Attribution time as an article grows: the seeds joined into one article, then four copies
of that, annotated once by CoreNLP (through the annotation cache), then attributed three
times each (best run kept). Looking back from every pronoun and description must stay a
window, not a pass over the whole article, so 4x the text should cost about 4x the time.

    .venv/bin/python bench/bench_attribution.py [folder of .txt]   # default: seeds/
                                                                  # writes bench/results/attribution.json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quotes.attribution import attribute_quotes  # noqa: E402
from quotes.quotefinder import find_quotes  # noqa: E402
from quotes.models import Article  # noqa: E402
from quotes.pipeline import Pipeline  # noqa: E402


def main(folder: Path) -> dict:
    base = "\n\n".join(f.read_text(encoding="utf-8") for f in sorted(folder.glob("*.txt")))
    rows = []
    with Pipeline() as pipeline:
        for copies in (1, 4):
            text = "\n\n".join([base] * copies)
            document = pipeline.annotate(Article.from_text(text, source=f"bench-x{copies}.txt"))
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                attributions, _ = attribute_quotes(document, find_quotes(document.text))
                best = min(best, time.perf_counter() - start)
            rows.append({"copies": copies, "chars": len(text), "quotes": len(attributions), "attribute_s": round(best, 4)})
            print(rows[-1], flush=True)
    result = {"rows": rows, "time_ratio_4x_text": round(rows[1]["attribute_s"] / rows[0]["attribute_s"], 2)}
    out = HERE / "results" / "attribution.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(result)
    return result


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "seeds")
