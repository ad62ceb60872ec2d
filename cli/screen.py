"""``python -m moderation screen | train | evaluate | prepare | labels | rules-card``.

``screen`` reads JSON Lines ``{"id", "text"}`` on stdin and writes exactly one JSON line per
input line on stdout (the batch contract in DESIGN.md). Bad lines are reported on stderr
and still produce a line (``needs_human: true``) when they carry an id.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

BATCH_SIZE = 64


def _settings_paths() -> tuple[str | None, str | None]:
    import settings

    return settings.DETOXIFY_CHECKPOINT or None, settings.EMBEDDING_MODEL_PATH or None


def _batch_line(item_id: object, result) -> dict:
    from screening.types import BATCH_CATEGORIES

    return {
        "id": item_id,
        "level": result.level.label,
        "escalate": result.escalate,
        "needs_human": result.needs_human,
        "categories": {c: float(result.categories.get(c, 0.0)) for c in BATCH_CATEGORIES},
        "pii": list(result.pii),
        "reasons": list(result.reasons),
        "language": result.language,
    }


def _failed_line(item_id: object, reason: str) -> dict:
    from screening.types import BATCH_CATEGORIES

    return {
        "id": item_id,
        "level": "medium",
        "escalate": False,
        "needs_human": True,
        "categories": dict.fromkeys(BATCH_CATEGORIES, 0.0),
        "pii": [],
        "reasons": [reason],
        "language": "und",
    }


def _read_items(stream) -> Iterator[tuple[int, object, str | None, str | None]]:
    """(line number, id, text, error) per non-blank input line."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, None, f"invalid JSON: {exc.msg}"
            continue
        if not isinstance(item, dict):
            yield number, None, None, "not a JSON object"
            continue
        item_id, text = item.get("id"), item.get("text")
        if not isinstance(text, str):
            yield number, item_id, None, "missing or non-string 'text'"
            continue
        yield number, item_id, text, None


def cmd_screen(args: argparse.Namespace) -> int:
    from screening.screener import Screener

    detoxify, embedding = _settings_paths()
    screener = Screener(detoxify_checkpoint=detoxify, embedding_model_path=embedding).load()
    print(f"screen: layers {json.dumps(screener.layers())}", file=sys.stderr)
    out = sys.stdout
    done = 0
    pending: list[tuple[int, object, str | None, str | None]] = []

    def flush() -> None:
        nonlocal done
        good = [(n, i, t) for n, i, t, e in pending if e is None and t is not None]
        results = {}
        if good:
            try:
                for (n, _, _), result in zip(good, screener.screen([t for _, _, t in good]), strict=True):
                    results[n] = result
            except Exception as exc:
                print(f"screen: batch failed ({exc}); screening one by one", file=sys.stderr)
                for n, _, t in good:
                    try:
                        results[n] = screener.screen([t])[0]
                    except Exception as inner:
                        print(f"screen: line {n}: {inner}", file=sys.stderr)
        for number, item_id, _, error in pending:
            if error is not None:
                print(f"screen: line {number}: {error}", file=sys.stderr)
                if item_id is not None:
                    out.write(json.dumps(_failed_line(item_id, "bad_input")) + "\n")
            elif number in results:
                out.write(json.dumps(_batch_line(item_id, results[number])) + "\n")
            else:
                out.write(json.dumps(_failed_line(item_id, "screening_error")) + "\n")
        out.flush()
        done += len(pending)
        print(f"screen: {done} lines", file=sys.stderr)
        pending.clear()

    for item in _read_items(sys.stdin):
        pending.append(item)
        if len(pending) >= args.batch_size:
            flush()
    if pending:
        flush()
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from screening.train import train

    _, embedding = _settings_paths()
    meta = train(embedding, cache_dir=Path(args.cache) if args.cache else None, out=_progress)
    print(json.dumps({"version": meta["version"], "thresholds": meta["thresholds"]}, indent=1))
    return 0


def cmd_prepare(args: argparse.Namespace) -> int:
    """Build the ONNX encoder once (at install), so no request or first screen waits for it."""
    from screening.screener import Screener

    detoxify, embedding = _settings_paths()
    screener = Screener(detoxify_checkpoint=detoxify, embedding_model_path=embedding).load()
    layers = screener.layers()
    print(json.dumps({"layers": layers, "versions": screener.model_versions()}, indent=1))
    if layers["learned"] != "loaded":
        print(f"the learned layer is missing: {screener.learned.error}", file=sys.stderr)
        print("every view will go to a person until it loads (the screen fails closed)", file=sys.stderr)
    return 0


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from screening.evaluate import evaluate
    from screening.screener import Screener

    detoxify, embedding = _settings_paths()
    screener = Screener(detoxify_checkpoint=detoxify, embedding_model_path=embedding).load()
    evaluate(screener, quick=args.quick)
    return 0


def cmd_rules_card(args: argparse.Namespace) -> int:
    """Write docs/screen-rules.md from the rules, or with ``--check`` fail when it is out of date."""
    from screening.rules import card

    path = Path(args.output) if args.output else card.CARD_PATH
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != card.render():
            print(f"{path} is out of date: run python -m moderation rules-card", file=sys.stderr)
            return 1
        print(f"{path} is current")
        return 0
    card.write(path)
    print(f"wrote {path}")
    return 0


def cmd_labels(args: argparse.Namespace) -> int:
    """Moderators' verdicts as JSON Lines in the shape of ``screening_examples.jsonl``, so they
    can be reviewed and added to the training data (children's words: keep the file safe)."""
    import asyncio

    from app import MODELS
    from web import database

    async def export() -> int:
        from moderation.models import ScreenLabel

        await database.open_database(MODELS)
        try:
            count = 0
            async for label in _labels(ScreenLabel):
                print(json.dumps(label, ensure_ascii=False))
                count += 1
            return count
        finally:
            await database.close_database()

    count = asyncio.run(export())
    print(f"{count} labels", file=sys.stderr)
    return 0


async def _labels(model: Any) -> AsyncIterator[dict[str, Any]]:
    for label in await model.all().order_by("id").prefetch_related("view"):
        view = label.view
        yield {
            "id": f"moderator-{label.id}",
            "text": view.redacted_text or view.text,
            "category": "none" if label.label == "not_a_concern" else label.label,
            "kind": "hard_negative" if label.label == "not_a_concern" else "disclosure",
            "screen_level": label.screen_level,
            "screen_reasons": label.reasons,
            "split": "train",
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m moderation", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    screen = sub.add_parser("screen", help="screen JSON Lines from stdin")
    screen.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    screen.set_defaults(func=cmd_screen)
    train = sub.add_parser("train", help="rebuild screening/heads/ from screening/data/")
    train.add_argument("--cache", help="folder for the ONNX encoder and embeddings (default: the user cache)")
    train.set_defaults(func=cmd_train)
    evaluate = sub.add_parser("evaluate", help="print evaluation figures")
    evaluate.add_argument(
        "--quick", action="store_true", help="only the dev probes and the bank's held-out fifth"
    )
    evaluate.set_defaults(func=cmd_evaluate)
    sub.add_parser(
        "prepare", help="build the screen's ONNX encoder into the cache and report the layers"
    ).set_defaults(func=cmd_prepare)
    sub.add_parser(
        "labels", help="moderators' verdicts (e.g. not a concern) as JSON Lines, for retraining"
    ).set_defaults(func=cmd_labels)
    card = sub.add_parser("rules-card", help="write docs/screen-rules.md from the rules")
    card.add_argument("--output", help="where to write it (default docs/screen-rules.md)")
    card.add_argument("--check", action="store_true", help="fail when the file is out of date")
    card.set_defaults(func=cmd_rules_card)
    args = parser.parse_args(argv)
    return args.func(args)
